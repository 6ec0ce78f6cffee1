package dev.tandem.protocol.state;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** A plain timestamped log: the daemon's stderr goes to $TANDEM_HOME/logs/daemon.log. */
public final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private final PrintStream out;
    private final String who;

    public Log(PrintStream out, String who) {
        this.out = out;
        this.who = who;
    }

    public static Log stderr(String who) {
        return new Log(System.err, who);
    }

    public void info(String msg) {
        line("INFO", msg);
    }

    public void warn(String msg) {
        line("WARN", msg);
    }

    private void line(String level, String msg) {
        out.println(LocalTime.now().format(TIME) + " " + level + " [" + who + "] " + msg);
    }
}
