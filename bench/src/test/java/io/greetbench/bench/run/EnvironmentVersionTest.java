package io.greetbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import org.junit.jupiter.api.Test;

/** Library versions for the report's versions table, from a jar with no pom.properties too. */
class EnvironmentVersionTest {
    @Test
    void aJarWithoutPomPropertiesGivesTheVersionInItsFileName() {
        String cp = String.join(File.pathSeparator, "/x/bench/target/greetbench.jar", "/x/lib/tomcat-embed-core-11.0.27.jar",
                "/x/lib/picocli-4.7.7.jar", "/x/lib/tomcat-annotations-api-11.0.27.jar");
        assertEquals("11.0.27", Environment.versionInFileName("tomcat-embed-core", cp));
        assertEquals("4.7.7", Environment.versionInFileName("picocli", cp));
        assertEquals("?", Environment.versionInFileName("tomcat-embed", cp), "a prefix of another artifact is not it");
        assertEquals("?", Environment.versionInFileName("jfreechart", cp));
    }
}
