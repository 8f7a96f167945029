package cq.jianxi.common.tabular;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a small uploaded table, CSV or xlsx (every sheet if wanted), into rows of text cells in memory;
 * large files stream through {@link TabularStream} instead. Encoding and format are sniffed by {@link TabularSniff}.
 */
public final class TabularFile {

    /** A data row with its 1-based line number in the file (the header is row 1). */
    public record Line(int number, List<String> cells) {
        public String cell(int index) {
            return index < cells.size() ? cells.get(index).trim() : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** The header row and the data rows. */
    public record Table(List<String> header, List<Line> lines) {
    }

    private TabularFile() {
    }

    public static Table read(byte[] content, int maxRows) throws TabularException {
        if (content.length == 0) {
            throw new TabularException("文件为空");
        }
        List<List<String>> rows = isZip(content) ? readXlsx(content, maxRows) : readCsv(decode(content), maxRows);
        if (rows.isEmpty()) {
            throw new TabularException("文件没有表头");
        }
        return table(rows);
    }

    /** Reads an uploaded file; blocking, so callers run it through {@link TabularWorker}. */
    public static Table read(java.nio.file.Path file, int maxRows) throws TabularException {
        try {
            return read(java.nio.file.Files.readAllBytes(file), maxRows);
        } catch (IOException e) {
            throw new TabularException("无法读取上传的文件");
        }
    }

    private static boolean isZip(byte[] content) {
        return TabularSniff.isZip(content);
    }

    /** Every sheet of an xlsx workbook by name, each with its header and non-blank lines. */
    public static java.util.Map<String, Table> readSheets(byte[] content, int maxRows) throws TabularException {
        if (!isZip(content)) {
            throw new TabularException("请上传 xlsx 工作簿");
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            java.util.Map<String, Table> sheets = new java.util.LinkedHashMap<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                List<List<String>> rows = rows(workbook.getSheetAt(i), maxRows);
                if (!rows.isEmpty()) {
                    sheets.put(workbook.getSheetName(i).trim(), table(rows));
                }
            }
            return sheets;
        } catch (IOException | RuntimeException e) {
            throw new TabularException("无法读取 xlsx 文件：" + e.getMessage());
        }
    }

    private static Table table(List<List<String>> rows) {
        List<String> header = rows.get(0).stream().map(h -> h == null ? "" : h.trim()).toList();
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Line line = new Line(i + 1, rows.get(i));
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return new Table(header, lines);
    }

    private static List<List<String>> rows(Sheet sheet, int maxRows) throws TabularException {
        DataFormatter formatter = new TabularStream.IsoDates();
        List<List<String>> rows = new ArrayList<>();
        int last = sheet.getLastRowNum();
        if (last + 1 > maxRows + 1) {
            throw new TabularException("工作表“" + sheet.getSheetName() + "”行数超过上限 " + maxRows);
        }
        for (int r = 0; r <= last; r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    /** A cell's text; a date cell reads as an ISO date whatever its display format. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }

    private static List<List<String>> readXlsx(byte[] content, int maxRows) throws TabularException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new TabularException("工作簿中没有工作表");
            }
            return rows(workbook.getSheetAt(0), maxRows);
        } catch (IOException | RuntimeException e) {
            throw new TabularException("无法读取 xlsx 文件：" + e.getMessage());
        }
    }

    static String decode(byte[] content) {
        return TabularSniff.decode(content);
    }

    /** Parses CSV text through the streaming parser, refusing more than {@code maxRows} data rows. */
    static List<List<String>> readCsv(String text, int maxRows) throws TabularException {
        List<List<String>> rows = new ArrayList<>();
        try {
            TabularStream.readCsv(new java.io.StringReader(text), (number, cells) -> {
                rows.add(cells);
                if (rows.size() > maxRows + 1) {
                    throw new TabularException("文件行数超过上限 " + maxRows);
                }
            });
        } catch (TabularException e) {
            throw e;
        } catch (Exception e) {
            throw new TabularException(e.getMessage());
        }
        return rows;
    }

    /** The file as a whole cannot be read. */
    public static class TabularException extends Exception {
        public TabularException(String message) {
            super(message);
        }
    }
}
