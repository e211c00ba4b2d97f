package dev.pacesetter.leads.internal.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks bytes for valid UTF-8 as they stream past (chunk by chunk, constant memory) and knows the line of the
 * first invalid byte, so that an upload in GBK or Latin-1 is refused at once with where to look.
 */
final class Utf8Check {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer pending;
    private final CharBuffer scratch = CharBuffer.allocate(8192);
    private long line = 1;
    private long invalidLine;

    Utf8Check(int chunkSize) {
        pending = ByteBuffer.allocate(chunkSize + 8);
    }

    /** @return false once an invalid sequence has been seen (see {@link #invalidLine()}) */
    boolean feed(byte[] bytes, int offset, int length) {
        if (invalidLine > 0) {
            return false;
        }
        pending.put(bytes, offset, length);
        pending.flip();
        boolean ok = decode(false);
        pending.compact();
        return ok;
    }

    /** @return false if the input ended inside a character or was invalid before */
    boolean finish() {
        if (invalidLine > 0) {
            return false;
        }
        pending.flip();
        boolean ok = decode(true);
        if (ok && decoder.flush(scratch).isError()) {
            invalidLine = line;
            return false;
        }
        return ok;
    }

    /** The line (1-based) of the first invalid byte, or 0. */
    long invalidLine() {
        return invalidLine;
    }

    private boolean decode(boolean end) {
        while (true) {
            int start = pending.position();
            CoderResult result = decoder.decode(pending, scratch, end);
            countLines(start, pending.position());
            scratch.clear();
            if (result.isError()) {
                invalidLine = line;
                return false;
            }
            if (result.isUnderflow()) {
                if (end && pending.hasRemaining()) {
                    invalidLine = line;
                    return false;
                }
                return true;
            }
        }
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (pending.get(i) == '\n') {
                line++;
            }
        }
    }
}
