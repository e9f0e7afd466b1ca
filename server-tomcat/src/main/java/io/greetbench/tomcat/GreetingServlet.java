package io.greetbench.tomcat;

import io.greetbench.core.Answer;
import io.greetbench.core.GreetingContract;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The greeting as one plain servlet, mapped to {@code /}. It overrides {@code service} rather than
 * {@code doGet}: the contract decides every method (HttpServlet's own dispatch would answer 405,
 * OPTIONS and TRACE itself). The wait is {@code Thread.sleep} on the request thread, as servlet code
 * blocks on I/O.
 */
final class GreetingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final long waitMillis;

    GreetingServlet(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Tomcat decodes and normalises the path for mapping; getRequestURI() and getQueryString()
        // keep the target as received, which is what the contract reads.
        String query = request.getQueryString();
        String target = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        String method = request.getMethod();
        Answer answer = GreetingContract.answer(method, target);
        if (waitMillis > 0) {
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the server is stopping: answer anyway
            }
        }
        byte[] body = answer.body();
        response.setStatus(answer.status());
        response.setContentType(GreetingContract.CONTENT_TYPE);
        response.setHeader(GreetingContract.NOSNIFF_HEADER, GreetingContract.NOSNIFF);
        response.setContentLength(body.length);
        if (answer.needsAllowHeader()) {
            response.setHeader("Allow", GreetingContract.ALLOW);
        }
        if (!"HEAD".equals(method)) {
            response.getOutputStream().write(body);
        }
    }
}
