package dev.tandem.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The client's side of stdio: says when it ended (EOF or a read error), which is how an MCP server
 * on stdio learns that its client disconnected. The SDK's transport reads it and ends its session
 * then, but tells nobody.
 */
final class EofInput extends FilterInputStream {
    private final CountDownLatch ended = new CountDownLatch(1);

    EofInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return seen(super.read());
        } catch (IOException e) {
            ended.countDown(); // a broken pipe is a disconnect too
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return seen(super.read(b, off, len));
        } catch (IOException e) {
            ended.countDown();
            throw e;
        }
    }

    private int seen(int n) {
        if (n < 0) ended.countDown();
        return n;
    }

    void awaitEnd() throws InterruptedException {
        ended.await();
    }
}
