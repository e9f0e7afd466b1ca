package io.greetbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GreetingContractTest {

    private static String body(String method, String target) {
        return new String(GreetingContract.answer(method, target).body(), StandardCharsets.UTF_8);
    }

    private static int status(String method, String target) {
        return GreetingContract.answer(method, target).status();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/world            | Hello, world!",
        "/Zo%C3%AB         | Hello, Zoë!",
        "/zo%c3%ab         | Hello, zoë!",
        "/a+b              | Hello, a+b!",
        "/                 | Hello, Anonymous!",
        "/?name=x          | Hello, Anonymous!",
        "/w?x=%ZZ          | Hello, w!",
        "/w#frag           | Hello, w!",
        "/a%2Fb            | Hello, a/b!",
        "/%F0%9F%98%80     | Hello, 😀!",
        "http://host/world | Hello, world!",
    })
    void greets(String target, String expected) {
        assertEquals(200, status("GET", target));
        assertEquals(expected + "\n", body("GET", target));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET    | /a/b        | 404",
        "GET    | /a/         | 404",
        "GET    | //          | 404",
        "POST   | /a/b        | 404",
        "POST   | /world      | 405",
        "get    | /world      | 405",
        "DELETE | /           | 405",
        "POST   | /%ZZ        | 405",
        "GET    | /%ZZ        | 400",
        "GET    | /%4         | 400",
        "GET    | /%          | 400",
        "GET    | /%C3        | 400",
        "GET    | /%C0%AF     | 400",
        "GET    | /%E0%80%AF  | 400",
        "GET    | /%ED%A0%80  | 400",
        "GET    | /%F4%90%80%80 | 400",
        "GET    | /%FF        | 400",
        "GET    | /a%20b      | 200",
        "GET    | world       | 400",
        "GET    | *           | 400",
        "GET    | http://host | 400",
        "HEAD   | /world      | 200",
    })
    void statuses(String method, String target, int expected) {
        assertEquals(expected, status(method, target), method + " " + target);
    }

    @Test
    void rawControlsSpacesAndNonAsciiAreBadRequests() {
        assertEquals(400, status("GET", "/a b"));
        assertEquals(400, status("GET", "/a\tb"));
        assertEquals(400, status("GET", "/a\u007fb"));
        assertEquals(400, status("GET", "/zoë"));
    }

    @Test
    void nameLimitIsCountedInDecodedBytes() {
        assertEquals(200, status("GET", "/" + "a".repeat(1024)));
        assertEquals(414, status("GET", "/" + "a".repeat(1025)));
        assertEquals(200, status("GET", "/" + "%41".repeat(1024)));
        assertEquals(414, status("GET", "/" + "%41".repeat(1025)));
        assertEquals(200, status("GET", "/" + "%C3%AB".repeat(512)));
        assertEquals(414, status("GET", "/" + "%C3%AB".repeat(512) + "a"));
    }

    @Test
    void crLfStaysInTheBody() {
        assertArrayEquals("Hello, a\r\nb!\n".getBytes(StandardCharsets.UTF_8),
                GreetingContract.answer("GET", "/a%0D%0Ab").body());
    }

    @Test
    void onlyNotAllowedNeedsAllow() {
        assertTrue(GreetingContract.answer("PUT", "/x").needsAllowHeader());
        assertFalse(GreetingContract.answer("GET", "/x").needsAllowHeader());
        assertFalse(GreetingContract.answer("GET", "/x/y").needsAllowHeader());
    }

    @Test
    void errorBodiesAreTextLines() {
        assertEquals("Not Found\n", body("GET", "/a/b"));
        assertEquals("Method Not Allowed\n", body("PUT", "/a"));
        assertEquals("Bad Request\n", body("GET", "/%ZZ"));
        assertEquals("URI Too Long\n", body("GET", "/" + "a".repeat(2000)));
    }
}
