package io.greetbench.threadpool;

import io.greetbench.core.Answer;

/** A request the parser cannot serve: carries the answer to send before closing the connection. */
final class BadRequestException extends Exception {
    final transient Answer answer;

    BadRequestException(Answer answer, String message) {
        super(message, null, false, false);
        this.answer = answer;
    }
}
