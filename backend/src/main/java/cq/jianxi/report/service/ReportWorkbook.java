package cq.jianxi.report.service;

import cq.jianxi.report.service.WorkbookCells.Styles;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static cq.jianxi.report.service.WorkbookCells.body;
import static cq.jianxi.report.service.WorkbookCells.bytes;
import static cq.jianxi.report.service.WorkbookCells.footer;
import static cq.jianxi.report.service.WorkbookCells.header;
import static cq.jianxi.report.service.WorkbookCells.notes;
import static cq.jianxi.report.service.WorkbookCells.text;
import static cq.jianxi.report.service.WorkbookCells.title;

/**
 * Writes the two monthly tables in the notice's official layout — title, unit line, multi-row merged
 * headers with the "其中" columns, column numbers, values, footer and 填报说明 — ready to print and stamp.
 */
public final class ReportWorkbook {

    /** One row of values: a region (or 合计) and its cells in column order. */
    public record Line(String label, List<BigDecimal> values) {
    }

    /** Who filled the report in, for the footer; blank when not yet submitted. */
    public record Filler(String unit, String filledBy, String phone, String filledOn) {
    }

    static final List<String> ANNEX4_NOTES = List.of(
            "填报说明：",
            "1.本表于月后2日内上报，遇节假日顺延。",
            "2.指标8“本期完成见习人数”：是指统计周期内，按照见习协议的规定，如期完成就业见习的人数；以及见习期虽未满，但提前被见习单位留用的人数。（见习期内，因见习人员个人原因等提前结束见习的人员数不算在内）",
            "3.指标11“其他方式就业人数”：是指见习期满后除被见习单位留用外，通过见习单位或公共就业人才服务机构推荐、个人自主择业等方式实现就业的人数。",
            "4.指标12“本期非正常结束见习人数”：是指统计周期内，见习期未满，因个人选择或见习单位变动等原因，未按照见习协议规定提前结束见习，且未被留用的人员数量。",
            "5.指标14“本年累计各级财政实际拨付的见习补贴资金数”：是指省、市、县级财政实际拨付的见习补贴资金数，包括分配拨付中央财政下达的就业补助资金中用于见习补贴的部分。",
            "6.指标中的“本期”：是指统计周期当期实有情况，不与上期数据累积。",
            "7.逻辑关系：1≥2，3≥4，5≥6≥7，8≥9+11，9≥10。");

    static final List<String> ANNEX5_NOTES = List.of(
            "填报说明：1．区县人力社保部门每月前2个工作日内报送上月见习服务活动开展情况；",
            "          2．区县人力社保部门应做好见习服务活动开展资料留存，包括台账、照片等。");

    private ReportWorkbook() {
    }

    public static byte[] annex4(YearMonth period, Filler filler, List<Line> lines) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("附件4 汇总表");
            Styles s = new Styles(wb);
            int columns = 15;
            title(sheet, s, 0, "百万就业见习岗位募集计划工作情况汇总表", columns);
            text(sheet, s.plain, 1, 0, "填报单位：" + neutral(filler.unit()) + "　　统计期：" + period.getYear() + "年"
                    + period.getMonthValue() + "月　　单位：个、人、万元");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
            // Header rows 3–5 (index 2–4); a parent indicator spans all three rows, its "其中" children sit beside it.
            int h = 2;
            header(sheet, s, h, h + 2, 0, 0, "项目");
            header(sheet, s, h, h + 2, 1, 1, "本期末实有见习单位总数");
            header(sheet, s, h, h, 2, 2, "其中");
            header(sheet, s, h + 1, h + 2, 2, 2, "本期新增见习单位数量");
            header(sheet, s, h, h + 2, 3, 3, "本期末实有见习岗位总数");
            header(sheet, s, h, h, 4, 4, "其中");
            header(sheet, s, h + 1, h + 2, 4, 4, "本期新增见习岗位数量");
            header(sheet, s, h, h + 2, 5, 5, "本期计划组织见习人数");
            header(sheet, s, h, h + 2, 6, 6, "本期实际到岗人数");
            header(sheet, s, h, h, 7, 7, "其中");
            header(sheet, s, h + 1, h + 2, 7, 7, "离校2年内未就业高校毕业生人数");
            header(sheet, s, h, h + 2, 8, 8, "本期完成见习人数");
            header(sheet, s, h, h, 9, 11, "其中");
            header(sheet, s, h + 1, h + 2, 9, 9, "被见习单位留用人数");
            header(sheet, s, h + 1, h + 1, 10, 10, "其中");
            header(sheet, s, h + 2, h + 2, 10, 10, "离校2年内未就业高校毕业生人数");
            header(sheet, s, h + 1, h + 2, 11, 11, "其他方式就业人数");
            header(sheet, s, h, h + 2, 12, 12, "本期非正常结束见习人数");
            header(sheet, s, h, h + 2, 13, 13, "本期末实有在岗见习");
            header(sheet, s, h, h + 2, 14, 14, "本年累计各级财政实际拨付的见习补贴资金数");
            int next = body(sheet, s, 5, lines);
            next = footer(sheet, s, next, "填报单位（盖章）：" + neutral(filler.unit()) + "　　填报时间：" + neutral(filler.filledOn())
                    + "　　填报人：" + neutral(filler.filledBy()) + "　　联系电话：" + neutral(filler.phone()), columns);
            notes(sheet, s, next, ANNEX4_NOTES, columns);
            sheet.setColumnWidth(0, 14 * 256);
            for (int c = 1; c < columns; c++) {
                sheet.setColumnWidth(c, 11 * 256);
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] annex5(YearMonth period, Filler filler, List<Line> lines) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("附件5 推进表");
            Styles s = new Styles(wb);
            int columns = 11;
            title(sheet, s, 0, "百万就业见习岗位募集计划工作推进表", columns);
            text(sheet, s.plain, 1, 0, "填报区县：" + neutral(filler.unit()) + "　　联系人：" + neutral(filler.filledBy())
                    + "　　联系电话：" + neutral(filler.phone()) + "　　填报日期：" + neutral(filler.filledOn())
                    + "　　统计期：" + period.getYear() + "年" + period.getMonthValue() + "月");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
            int h = 2;
            header(sheet, s, h, h + 2, 0, 0, "区县");
            header(sheet, s, h, h, 1, 7, "见习供需对接活动开展情况");
            header(sheet, s, h, h, 8, 10, "见习政策宣讲活动开展情况");
            header(sheet, s, h + 1, h + 2, 1, 1, "线上对接活动（场）");
            header(sheet, s, h + 1, h + 2, 2, 2, "线下对接活动（场）");
            header(sheet, s, h + 1, h + 2, 3, 3, "参与基地（家）");
            header(sheet, s, h + 1, h + 2, 4, 4, "提供岗位（个）");
            header(sheet, s, h + 1, h + 1, 5, 6, "参与青年（人）");
            header(sheet, s, h + 2, h + 2, 5, 5, "16－24岁失业青年");
            header(sheet, s, h + 2, h + 2, 6, 6, "离校未就业高校毕业生");
            header(sheet, s, h + 1, h + 2, 7, 7, "促成见习上岗（人）");
            header(sheet, s, h + 1, h + 2, 8, 8, "开展场次");
            header(sheet, s, h + 1, h + 2, 9, 9, "服务用人单位（家）");
            header(sheet, s, h + 1, h + 2, 10, 10, "服务青年（人）");
            int next = body(sheet, s, 5, lines);
            notes(sheet, s, next + 1, ANNEX5_NOTES, columns);
            sheet.setColumnWidth(0, 14 * 256);
            for (int c = 1; c < columns; c++) {
                sheet.setColumnWidth(c, 12 * 256);
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The yearly report: one row per region with target and achievement of the eight Annex 2 columns. */
    public static byte[] annual(int year, List<Line> regions, List<Line> departments) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(year + "年度计划实施情况");
            Styles s = new Styles(wb);
            int columns = 18;
            title(sheet, s, 0, year + "年就业见习年度计划实施情况表", columns);
            String[] groups = {"新增见习基地", "其中重点企业", "募集见习岗位", "组织见习人数", "政策宣讲", "供需对接活动",
                    "选树典型人物", "推荐国家级典型"};
            header(sheet, s, 1, 2, 0, 0, "区县");
            for (int g = 0; g < groups.length; g++) {
                header(sheet, s, 1, 1, 1 + g * 2, 2 + g * 2, groups[g]);
                header(sheet, s, 2, 2, 1 + g * 2, 1 + g * 2, "目标");
                header(sheet, s, 2, 2, 2 + g * 2, 2 + g * 2, "完成");
            }
            header(sheet, s, 1, 2, 17, 17, "服务率（%）");
            int next = body(sheet, s, 3, regions);
            Row title = sheet.createRow(next + 1);
            title.createCell(0).setCellValue("市级部门岗位募集任务");
            int r = next + 2;
            header(sheet, s, r, r, 0, 0, "部门");
            header(sheet, s, r, r, 1, 1, "任务");
            header(sheet, s, r, r, 2, 2, "完成");
            body(sheet, s, r + 1, departments);
            sheet.setColumnWidth(0, 14 * 256);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plan's progress compared across regions: for each of the eight columns the target, achieved, this
     * month's 倒排 milestone and the gap, then whether the region is behind.
     */
    public static byte[] progress(int year, int month, List<Line> regions, List<Line> departments) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(year + "年度计划进度");
            Styles s = new Styles(wb);
            String[] groups = {"新增见习基地", "其中重点企业", "募集见习岗位", "组织见习人数", "政策宣讲", "供需对接活动",
                    "选树典型人物", "推荐国家级典型"};
            title(sheet, s, 0, year + "年就业见习年度计划进度（" + (month == 0 ? "年度未开始" : month + "月应达") + "）",
                    1 + groups.length * 4 + 1);
            header(sheet, s, 1, 2, 0, 0, "区县");
            for (int g = 0; g < groups.length; g++) {
                header(sheet, s, 1, 1, 1 + g * 4, 4 + g * 4, groups[g]);
                header(sheet, s, 2, 2, 1 + g * 4, 1 + g * 4, "目标");
                header(sheet, s, 2, 2, 2 + g * 4, 2 + g * 4, "完成");
                header(sheet, s, 2, 2, 3 + g * 4, 3 + g * 4, "应达");
                header(sheet, s, 2, 2, 4 + g * 4, 4 + g * 4, "差距");
            }
            header(sheet, s, 1, 2, 33, 33, "落后项数");
            int next = body(sheet, s, 3, regions);
            Row title = sheet.createRow(next + 1);
            title.createCell(0).setCellValue("市级部门岗位募集任务");
            int r = next + 2;
            String[] dept = {"部门", "任务", "完成", "应达", "差距"};
            for (int c = 0; c < dept.length; c++) {
                header(sheet, s, r, r, c, c, dept[c]);
            }
            body(sheet, s, r + 1, departments);
            sheet.setColumnWidth(0, 14 * 256);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text that a spreadsheet could take for a formula (= + - @) is prefixed so it stays text. */
    public static String neutral(String text) {
        if (text == null) {
            return "";
        }
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
