package cq.jianxi.common.tabular;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the rows of a CSV or xlsx file to a sink, one at a time, so a 100,000-row roster never has
 * to fit in memory. The xlsx path uses POI's SAX event reader rather than a workbook model.
 */
public final class TabularStream {

    /** Receives rows in file order; row numbers are 1-based (the header is row 1). */
    @FunctionalInterface
    public interface RowSink {
        void row(int number, List<String> cells) throws Exception;
    }

    private TabularStream() {
    }

    public static void read(Path file, RowSink sink) throws Exception {
        if (isZip(file)) {
            readXlsx(file, sink);
        } else {
            readCsv(file, sink);
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /** Detects UTF-8 (with or without BOM) or GB18030 from the first 64 KiB, which hold the Chinese header. */
    static Charset detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        int end = head.length;
        // Do not judge a multi-byte character cut at the end of the sample.
        while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
    }

    private static void readCsv(Path file, RowSink sink) throws Exception {
        Charset charset = detect(file);
        try (Reader reader = new InputStreamReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16), charset)) {
            readCsv(reader, sink);
        }
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; a leading BOM is skipped. */
    public static void readCsv(Reader in, RowSink sink) throws Exception {
        Reader reader = in.markSupported() ? in : new java.io.BufferedReader(in);
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int number = 1;
        int c;
        boolean first = true;
        while ((c = reader.read()) != -1) {
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        reader.reset();
                    }
                } else {
                    field.append((char) c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    row.add(field.toString());
                    field.setLength(0);
                    any = true;
                }
                case '\r' -> {
                    // a CRLF line end: the \n that follows ends the row
                }
                case '\n' -> {
                    row.add(field.toString());
                    field.setLength(0);
                    sink.row(number++, row);
                    row = new ArrayList<>();
                    any = false;
                }
                default -> {
                    field.append((char) c);
                    any = true;
                }
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("CSV 引号未闭合（第 " + number + " 行）");
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            sink.row(number, row);
        }
    }

    private static void readXlsx(Path file, RowSink sink) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Handler(sink),
                        new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            } catch (SinkFailure failure) {
                throw failure.cause;
            }
        }
    }

    /** Carries a sink's exception through the SAX parser. */
    private static final class SinkFailure extends RuntimeException {
        final Exception cause;

        SinkFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private List<String> cells = new ArrayList<>();

        Handler(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            try {
                sink.row(rowNum + 1, cells);
            } catch (Exception e) {
                throw new SinkFailure(e);
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int column = new CellReference(ref).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }
}
