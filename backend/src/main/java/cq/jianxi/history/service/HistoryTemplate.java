package cq.jianxi.history.service;

import cq.jianxi.history.domain.HistorySheet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The downloadable history template: the four sheets with their headers (required ones starred) and one example row each. */
public final class HistoryTemplate {

    private static final List<List<String>> EXAMPLES = List.of(
            List.of("91500101MA5U7XXX0X", "重庆示例科技有限公司", "信息传输、软件和信息技术服务业", "民营", "王经理", "2024-03-15", "", ""),
            List.of("GW-2024-001", "91500101MA5U7XXX0X", "软件测试见习生", "技术技能类", "5", "2300", "6", "2024-03-20", "2024-06-30",
                    "", ""),
            List.of("JX-2024-001", "500101200201011234", "张三", "本科", "2023-06-30", "GW-2024-001", "李工", "2024-04-01",
                    "2024-09-30", "2300", "完成见习", "2024-04-01", "", "", "被见习单位留用", ""),
            List.of("JX-2024-001", "2024-04", "1400", "2024-05-20", "1400", "区县级"));

    private HistoryTemplate() {
    }

    public static byte[] workbook() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            int n = 0;
            for (HistorySheet s : HistorySheet.values()) {
                XSSFSheet sheet = wb.createSheet(s.title());
                var header = sheet.createRow(0);
                for (int c = 0; c < s.columns().size(); c++) {
                    HistorySheet.Column col = s.columns().get(c);
                    var cell = header.createCell(c);
                    cell.setCellValue(col.header() + (col.required() ? "*" : ""));
                    cell.setCellStyle(bold);
                    sheet.setColumnWidth(c, 18 * 256);
                }
                var example = sheet.createRow(1);
                List<String> values = EXAMPLES.get(n++);
                for (int c = 0; c < values.size(); c++) {
                    example.createCell(c).setCellValue(values.get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
