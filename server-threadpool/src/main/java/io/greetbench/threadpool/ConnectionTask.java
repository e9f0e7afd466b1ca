package io.greetbench.threadpool;

import io.greetbench.core.Answer;
import io.greetbench.core.GreetingContract;
import io.greetbench.threadpool.HttpResponseWriter.ConnectionHeader;
import java.io.IOException;
import java.net.Socket;
import java.util.Set;

/**
 * One connection, served start to end by one thread: read a request, (wait,) answer, repeat while
 * the connection is kept alive. Pipelined answers are flushed when no request already read waits.
 */
final class ConnectionTask implements Runnable {
    private final Socket socket;
    private final Set<Socket> open;
    private final long waitMillis;

    ConnectionTask(Socket socket, Set<Socket> open, long waitMillis) {
        this.socket = socket;
        this.open = open;
        this.waitMillis = waitMillis;
    }

    @Override
    public void run() {
        try (Socket s = socket) {
            // Both buffer for themselves: no BufferedInputStream or BufferedOutputStream in between.
            HttpRequestReader reader = new HttpRequestReader(s.getInputStream());
            HttpResponseWriter writer = new HttpResponseWriter(s.getOutputStream());
            serve(reader, writer);
        } catch (IOException e) {
            // the client went away, reset, or idled past the timeout: nothing left to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is closing
        } finally {
            open.remove(socket);
        }
    }

    private void serve(HttpRequestReader reader, HttpResponseWriter writer)
            throws IOException, InterruptedException {
        while (true) {
            HttpRequestHead request;
            try {
                request = reader.next();
                if (request == null) {
                    return;
                }
                reader.skipBody(request);
            } catch (BadRequestException e) {
                writer.write(e.answer, false, ConnectionHeader.CLOSE);
                writer.flush();
                return;
            }
            Answer answer = GreetingContract.answer(request.method, request.target);
            if (waitMillis > 0) {
                Thread.sleep(waitMillis);
            }
            ConnectionHeader connection = !request.keepAlive ? ConnectionHeader.CLOSE
                    : request.http10 ? ConnectionHeader.KEEP_ALIVE : ConnectionHeader.NONE;
            writer.write(answer, "HEAD".equals(request.method), connection);
            if (!request.keepAlive) {
                writer.flush();
                return;
            }
            if (!reader.hasBufferedBytes()) {
                writer.flush(); // no pipelined request already read waits: send what is answered
            }
        }
    }
}
