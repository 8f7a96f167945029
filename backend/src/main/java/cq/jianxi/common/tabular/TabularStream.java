package cq.jianxi.common.tabular;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
import java.nio.charset.Charset;
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
            return TabularSniff.isZip(in.readNBytes(4));
        }
    }

    /** Detects UTF-8 (with or without BOM) or GB18030 from the first 64 KiB, which hold the Chinese header. */
    static Charset detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(TabularSniff.SAMPLE + 1);
            boolean complete = head.length <= TabularSniff.SAMPLE;
            return TabularSniff.charset(complete ? head : java.util.Arrays.copyOf(head, TabularSniff.SAMPLE), complete);
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
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrailingData(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (java.io.UncheckedIOException | IllegalStateException e) {
                    throw new IllegalArgumentException("CSV 格式错误，引号未闭合（第 " + (parser.getRecordNumber() + 1) + " 行附近）");
                }
                sink.row((int) record.getRecordNumber(), new ArrayList<>(record.toList()));
            }
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
                        new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            } catch (SinkFailure failure) {
                throw failure.cause;
            }
        }
    }

    /** Formats date cells as ISO dates whatever their display format, so every reader sees 2026-01-05. */
    static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString)
                    && org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(value)) {
                return org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
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
