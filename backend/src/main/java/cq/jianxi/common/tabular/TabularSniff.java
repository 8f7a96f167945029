package cq.jianxi.common.tabular;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells an xlsx workbook (a zip) from CSV text, and UTF-8 (with or without BOM) from GB18030: offices
 * save CSV from Excel in GB18030 as often as in UTF-8, so the encoding is detected rather than assumed.
 */
public final class TabularSniff {

    /** How many leading bytes are enough to judge the encoding: they hold the Chinese header. */
    public static final int SAMPLE = 64 * 1024;

    public static final Charset GB18030 = Charset.forName("GB18030");

    private TabularSniff() {
    }

    /** The local-file-header magic every zip, hence every xlsx, starts with. */
    public static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** The length of a UTF-8 byte-order mark at the start, 0 or 3. */
    public static int bomLength(byte[] head) {
        return head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
    }

    /**
     * UTF-8 when the bytes decode strictly as UTF-8, else GB18030.
     *
     * @param complete false when {@code sample} is the start of a longer file, so a multi-byte
     *                 character may be cut at its end and must not be judged
     */
    public static Charset charset(byte[] sample, boolean complete) {
        int start = bomLength(sample);
        if (start > 0) {
            return StandardCharsets.UTF_8;
        }
        int end = sample.length;
        if (!complete) {
            while (end > 0 && end > sample.length - 4 && (sample[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (sample[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(sample, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return GB18030;
        }
    }

    /** The whole of a small file as text, without its BOM. */
    public static String decode(byte[] content) {
        Charset charset = charset(content, true);
        int start = bomLength(content);
        return new String(content, start, content.length - start, charset);
    }
}
