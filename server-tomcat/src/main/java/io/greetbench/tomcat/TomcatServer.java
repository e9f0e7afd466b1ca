package io.greetbench.tomcat;

import io.greetbench.core.BindFailures;
import io.greetbench.core.RunningServer;
import io.greetbench.core.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.modeler.Registry;

/**
 * Embedded Tomcat set up as Spring Boot sets it up for a Spring MVC application: the NIO connector
 * (Http11NioProtocol), 200 request threads with 10 kept spare, 8192 connections at most, an 8 KiB
 * request head, Tomcat's 60 s connection timeout, no JMX registry, no JSP, no access log, and an
 * error report valve that shows neither the report nor the server.
 * Where it differs from those defaults, the contract asks for it (see {@link #start}).
 */
final class TomcatServer implements RunningServer {
    /** Spring Boot's {@code server.tomcat.threads.min-spare}. */
    private static final int MIN_SPARE_THREADS = 10;

    private final Tomcat tomcat;
    private final Path baseDir;
    private final int port;

    private TomcatServer(Tomcat tomcat, Path baseDir, int port) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
        this.port = port;
    }

    static TomcatServer start(ServerConfig config, boolean virtualThreads) throws Exception {
        Registry.disableRegistry(); // Spring Boot's server.tomcat.mbeanregistry.enabled=false
        Path baseDir = Files.createTempDirectory("greetbench-tomcat.");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());

        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setThrowOnFailure(true);
        connector.setPort(config.port());
        connector.setProperty("bindOnInit", "false");
        // The contract decides what a target means; where Tomcat has an option to leave a target to
        // the servlet, it is used. A %2F is part of the name (Tomcat's default refuses it with a 400,
        // and would decode a %5C into a backslash that it then refuses): "passthrough" leaves both
        // encoded for the mapping, and the servlet reads the raw target anyway.
        connector.setEncodedSolidusHandling("passthrough");
        connector.setEncodedReverseSolidusHandling("passthrough");
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        protocol.setAddress(InetAddress.getByName(config.host()));
        protocol.setAcceptCount(config.backlog());
        // Characters RFC 3986 leaves out of a URI, which Tomcat refuses with a 400 unless told; the
        // contract greets them (a raw backslash in the path stays refused: Tomcat's normalisation
        // would turn it into a slash, and its allowBackslash switch is a security setting).
        protocol.setRelaxedPathChars("\"<>[]^`{|}");
        protocol.setRelaxedQueryChars("\"<>[\\]^`{|}");
        if (virtualThreads) {
            connector.setProperty("useVirtualThreads", "true"); // Tomcat's VirtualThreadExecutor
        } else {
            protocol.setMaxThreads(config.workerThreadsOrDefault());
            protocol.setMinSpareThreads(Math.min(MIN_SPARE_THREADS, config.workerThreadsOrDefault()));
        }
        // Tomcat closes a connection after 100 requests by default (Spring Boot keeps that); the
        // contract keeps HTTP/1.1 connections open until the client closes, as every other runtime does.
        protocol.setMaxKeepAliveRequests(-1);
        // Tomcat 11 has one acceptor and one poller thread; config.ioThreads() has nothing to set.
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);

        tomcat.getHost().setAutoDeploy(false);
        ErrorReportValve errorReport = new ErrorReportValve();
        errorReport.setShowReport(false);
        errorReport.setShowServerInfo(false);
        tomcat.getHost().getPipeline().addValve(errorReport);

        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "greeting", new GreetingServlet(config.requestWait().toMillis()));
        context.addServletMappingDecoded("/", "greeting");

        try {
            tomcat.start();
        } catch (Throwable t) {
            stopQuietly(tomcat, baseDir);
            throw BindFailures.translate(t, config.host(), config.port());
        }
        return new TomcatServer(tomcat, baseDir, connector.getLocalPort());
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop cleanly", e);
        } finally {
            deleteQuietly(baseDir);
        }
    }

    private static void stopQuietly(Tomcat tomcat, Path baseDir) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException | RuntimeException e) {
            // the start failed already; that is the error to report
        } finally {
            deleteQuietly(baseDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no reason to fail
        }
    }
}
