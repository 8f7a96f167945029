package cq.jianxi.report.service;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/** The cells of the official layout that every report table shares: title, merged headers, column numbers, body, notes. */
final class WorkbookCells {

    private WorkbookCells() {
    }

    static int body(Sheet sheet, Styles s, int firstRow, List<ReportWorkbook.Line> lines) {
        Row numbers = sheet.createRow(firstRow);
        Cell label = numbers.createCell(0);
        label.setCellValue("栏次");
        label.setCellStyle(s.header);
        int width = lines.isEmpty() ? 0 : lines.get(0).values().size();
        for (int c = 1; c <= width; c++) {
            Cell cell = numbers.createCell(c);
            cell.setCellValue(c);
            cell.setCellStyle(s.header);
        }
        int r = firstRow + 1;
        for (ReportWorkbook.Line line : lines) {
            Row row = sheet.createRow(r++);
            Cell name = row.createCell(0);
            name.setCellValue(ReportWorkbook.neutral(line.label()));
            name.setCellStyle(s.cell);
            for (int c = 0; c < line.values().size(); c++) {
                Cell cell = row.createCell(c + 1);
                BigDecimal v = line.values().get(c);
                if (v != null) {
                    cell.setCellValue(v.doubleValue());
                }
                cell.setCellStyle(v != null && v.scale() > 0 ? s.decimal : s.number);
            }
        }
        return r;
    }

    static int footer(Sheet sheet, Styles s, int row, String text, int columns) {
        text(sheet, s.plain, row, 0, text);
        sheet.addMergedRegion(new CellRangeAddress(row, row, 0, columns - 1));
        return row + 1;
    }

    static void notes(Sheet sheet, Styles s, int row, List<String> notes, int columns) {
        for (String note : notes) {
            text(sheet, s.wrap, row, 0, note);
            sheet.addMergedRegion(new CellRangeAddress(row, row, 0, columns - 1));
            row++;
        }
    }

    static void title(Sheet sheet, Styles s, int row, String text, int columns) {
        Row r = sheet.createRow(row);
        r.setHeightInPoints(28);
        Cell cell = r.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(s.title);
        sheet.addMergedRegion(new CellRangeAddress(row, row, 0, columns - 1));
    }

    static void header(Sheet sheet, Styles s, int firstRow, int lastRow, int firstCol, int lastCol, String text) {
        for (int r = firstRow; r <= lastRow; r++) {
            Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
            for (int c = firstCol; c <= lastCol; c++) {
                Cell cell = row.getCell(c) != null ? row.getCell(c) : row.createCell(c);
                cell.setCellStyle(s.header);
            }
        }
        sheet.getRow(firstRow).getCell(firstCol).setCellValue(text);
        if (firstRow != lastRow || firstCol != lastCol) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
        }
    }

    static void text(Sheet sheet, CellStyle style, int row, int col, String text) {
        Row r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        Cell cell = r.createCell(col);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    /** The few cell styles of the official layout. */
    static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle number;
        final CellStyle decimal;
        final CellStyle plain;
        final CellStyle wrap;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setFontHeightInPoints((short) 16);
            title = wb.createCellStyle();
            title.setFont(bold);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(wb);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            cell = bordered(wb);
            number = bordered(wb);
            number.setDataFormat(wb.createDataFormat().getFormat("0"));
            decimal = bordered(wb);
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            plain = wb.createCellStyle();
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle style = wb.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
