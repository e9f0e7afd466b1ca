package io.greetbench.core;

/**
 * Strict UTF-8 validation (Unicode 15, table 3-7): no overlong forms, no surrogates, nothing above
 * U+10FFFF, no truncated sequence. Written out because a {@code CharsetDecoder} would allocate on
 * every request of every server.
 */
final class Utf8 {
    private Utf8() {
    }

    static boolean isValid(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2 = 0x80; // bounds of the second byte, narrowed for the lead bytes that need it
            int max2 = 0xbf;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                if (b == 0xe0) {
                    min2 = 0xa0; // overlong
                } else if (b == 0xed) {
                    max2 = 0x9f; // surrogates
                }
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                if (b == 0xf0) {
                    min2 = 0x90; // overlong
                } else if (b == 0xf4) {
                    max2 = 0x8f; // above U+10FFFF
                }
            } else {
                return false; // continuation byte as lead, C0/C1 (overlong) or F5..FF
            }
            if (i + need >= end) { // truncated sequence
                return false;
            }
            int second = bytes[i + 1] & 0xff;
            if (second < min2 || second > max2) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int c = bytes[i + k] & 0xff;
                if (c < 0x80 || c > 0xbf) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }
}
