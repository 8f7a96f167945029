package cq.jianxi.report.service;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The annual report's workbooks, in the layout of {@link ReportWorkbook#annual}: a region's submitted report
 * (its frozen row and a second sheet with the narrative and the review) and the city's compiled report (the
 * 41 rows, each with its status, and the 合计 row). Both add a 报告状态 column after 服务率.
 */
public final class AnnualReportWorkbook {

    static final Map<String, String> STATUS = Map.of(
            AnnualSubmissions.DRAFT, "未提交", AnnualSubmissions.SUBMITTED, "待审核",
            AnnualSubmissions.RETURNED, "已退回", AnnualSubmissions.ACCEPTED, "已通过");
    private static final int STATUS_COLUMN = 18;
    private static final int FIRST_ROW = 4;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AnnualReportWorkbook() {
    }

    /** A region's report: the shown figures (frozen once submitted) with its status, and the narrative sheet. */
    public static byte[] region(AnnualReportWorkflow.RegionReport r) {
        AnnualSubmissions.Version v = r.current();
        boolean frozen = v != null && !AnnualSubmissions.RETURNED.equals(v.status());
        AnnualReportService.RegionYear shown = frozen ? v.figures() : r.live();
        String status = STATUS.get(r.status()) + (v == null ? "" : "（第 " + v.version() + " 版）") + (frozen ? "" : "，按当前记录");
        byte[] table = ReportWorkbook.annual(r.year(), List.of(line(shown)), List.of());
        return edit(table, r.regionName() + r.year() + "年就业见习年度计划实施情况报告", List.of(status), wb -> {
            Sheet sheet = wb.createSheet("报告正文");
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"区县", r.regionName()});
            rows.add(new String[]{"年度", String.valueOf(r.year())});
            rows.add(new String[]{"状态", status});
            if (v != null) {
                rows.add(new String[]{"提交", v.submittedBy() + " " + time(v.submittedAt())});
                rows.add(new String[]{"审核", v.reviewedBy() == null ? "" : v.reviewedBy() + " " + time(v.reviewedAt())});
                if (v.returnReason() != null) {
                    rows.add(new String[]{"退回原因", v.returnReason()});
                }
                rows.add(new String[]{"一、年度工作开展情况", v.narrative().workDone()});
                rows.add(new String[]{"二、存在的问题", v.narrative().problems()});
                rows.add(new String[]{"三、下一年度工作计划", v.narrative().nextYearPlan()});
            }
            int i = 0;
            for (String[] pair : rows) {
                Row row = sheet.createRow(i++);
                Cell label = row.createCell(0);
                label.setCellValue(pair[0]);
                label.setCellStyle(bold);
                Cell text = row.createCell(1);
                text.setCellValue(ReportWorkbook.neutral(pair[1]));
                text.setCellStyle(wrap);
            }
            sheet.setColumnWidth(0, 22 * 256);
            sheet.setColumnWidth(1, 100 * 256);
        });
    }

    /** The city's compiled report: one row per region marked with its status, then the total. */
    public static byte[] compiled(AnnualReportWorkflow.Compiled c) {
        List<ReportWorkbook.Line> lines = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (AnnualReportWorkflow.CompiledRow row : c.regions()) {
            lines.add(line(row.figures()));
            statuses.add(STATUS.get(row.status()) + (row.frozen() ? "（第 " + row.version() + " 版）" : "，按当前记录"));
        }
        lines.add(line(c.total()));
        statuses.add("");
        byte[] table = ReportWorkbook.annual(c.year(), lines, c.departments().stream()
                .map(d -> new ReportWorkbook.Line(d.name(), List.of(BigDecimal.valueOf(d.positions().target()),
                        d.positions().achieved() == null ? null : BigDecimal.valueOf(d.positions().achieved())))).toList());
        return edit(table, "重庆市" + c.year() + "年就业见习年度计划实施情况报告（区县汇总）", statuses, wb -> { });
    }

    /** The row of {@link ReportWorkbook#annual}: target and achievement of each column, then the service rate in %. */
    static ReportWorkbook.Line line(AnnualReportService.RegionYear r) {
        List<BigDecimal> values = new ArrayList<>();
        for (AnnualFigures.Column column : AnnualFigures.COLUMNS) {
            AnnualReportService.Figure f = column.read().apply(r);
            values.add(BigDecimal.valueOf(f.target()));
            values.add(f.achieved() == null ? null : BigDecimal.valueOf(f.achieved()));
        }
        values.add(r.serviceRate() == null ? null : BigDecimal.valueOf(r.serviceRate() * 100).setScale(2, RoundingMode.HALF_UP));
        return new ReportWorkbook.Line(r.regionName(), values);
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(cq.jianxi.common.time.AppClock.ZONE).format(TIME);
    }

    private static byte[] edit(byte[] table, String title, List<String> statuses, java.util.function.Consumer<XSSFWorkbook> more) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(table))) {
            Sheet sheet = wb.getSheetAt(0);
            sheet.getRow(0).getCell(0).setCellValue(title);
            CellStyle header = sheet.getRow(1).getCell(17).getCellStyle();
            for (int r = 1; r <= 3; r++) {
                sheet.getRow(r).createCell(STATUS_COLUMN).setCellStyle(header);
            }
            sheet.getRow(1).getCell(STATUS_COLUMN).setCellValue("报告状态");
            sheet.addMergedRegion(new CellRangeAddress(1, 2, STATUS_COLUMN, STATUS_COLUMN));
            for (int i = 0; i < statuses.size(); i++) {
                Row row = sheet.getRow(FIRST_ROW + i);
                Cell cell = row.createCell(STATUS_COLUMN);
                cell.setCellValue(statuses.get(i));
                cell.setCellStyle(row.getCell(0).getCellStyle());
            }
            sheet.setColumnWidth(STATUS_COLUMN, 20 * 256);
            more.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
