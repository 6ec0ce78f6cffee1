package dev.tandem.protocol.os;

/** The process listening on a port, as far as the OS lets this user see it. */
public record PortHolder(long pid, String command) {

    /** " by pid N (command)": the tail of a {@code PORT_IN_USE} message. */
    public String describe() {
        return " by pid " + pid + " (" + command + ")";
    }
}
