package cq.jianxi.common.tabular;

import cq.jianxi.common.problem.Violation;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one toolkit every upload reads through: sniffing, CSV and xlsx, header aliases, violations and dates. */
class TabularToolkitTest {

    private static final String CSV = "学校,姓名,毕业日期\n重庆大学,张三,2026/6/30\n\"西南大学, 北碚\",\"李\"\"四\",20260701\n";

    private static final Columns ROSTER = Columns.builder()
            .required("school", "学校", "学校", "毕业学校")
            .required("name", "姓名", "姓名")
            .required("graduation_date", "毕业日期", "毕业日期", "毕业时间")
            .optional("major", "专业", "专业")
            .build();

    @Test
    void readsUtf8WithAndWithoutBomAndGb18030Alike() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        byte[] gb = CSV.getBytes(Charset.forName("GB18030"));

        assertEquals(StandardCharsets.UTF_8, TabularSniff.charset(utf8, true));
        assertEquals(StandardCharsets.UTF_8, TabularSniff.charset(withBom, true));
        assertEquals(TabularSniff.GB18030, TabularSniff.charset(gb, true));
        for (byte[] content : List.of(utf8, withBom, gb)) {
            TabularFile.Table table = TabularFile.read(content, 100);
            assertEquals(List.of("学校", "姓名", "毕业日期"), table.header());
            assertEquals("西南大学, 北碚", table.lines().get(1).cell(0));
            assertEquals("李\"四", table.lines().get(1).cell(1));
            assertEquals(3, table.lines().get(1).number());
        }
    }

    @Test
    void aSampleCutInsideAUtf8CharacterIsStillUtf8() {
        byte[] utf8 = "学校".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(utf8, 4);
        assertEquals(StandardCharsets.UTF_8, TabularSniff.charset(cut, false));
        assertEquals(TabularSniff.GB18030, TabularSniff.charset(cut, true));
    }

    @Test
    void streamsGb18030CsvFromAFileAndSkipsItsBom() throws Exception {
        Path file = Files.createTempFile("tabular", ".csv");
        try {
            Files.write(file, CSV.getBytes(Charset.forName("GB18030")));
            List<List<String>> rows = new ArrayList<>();
            TabularStream.read(file, (number, cells) -> rows.add(cells));
            assertEquals(3, rows.size());
            assertEquals("重庆大学", rows.get(1).get(0));

            rows.clear();
            TabularStream.readCsv(new StringReader("\uFEFF姓名\n张三\n"), (number, cells) -> rows.add(cells));
            assertEquals("姓名", rows.get(0).get(0));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anUnclosedQuoteIsRefusedWithItsRow() {
        Exception e = assertThrows(TabularFile.TabularException.class,
                () -> TabularFile.read("姓名\n\"张三\n".getBytes(StandardCharsets.UTF_8), 10));
        assertTrue(e.getMessage().contains("引号"), e.getMessage());
    }

    @Test
    void readsXlsxWithDateCellsAsIsoDatesInMemoryAndStreaming() throws Exception {
        byte[] xlsx = workbook();
        assertTrue(TabularSniff.isZip(xlsx));
        TabularFile.Table table = TabularFile.read(xlsx, 100);
        assertEquals(List.of("毕业学校", "姓名", "毕业时间"), table.header());
        assertEquals("2026-01-05", table.lines().get(0).cell(2));

        Path file = Files.createTempFile("tabular", ".xlsx");
        try {
            Files.write(file, xlsx);
            List<List<String>> rows = new ArrayList<>();
            TabularStream.read(file, (number, cells) -> rows.add(cells));
            assertEquals("2026-01-05", rows.get(1).get(2));
            assertEquals("重庆大学", rows.get(1).get(0));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void mapsChineseAndEnglishAliasesCaseInsensitivelyAndIgnoresTemplateStars() {
        Columns.Mapping mapping = ROSTER.map(List.of(" 毕业学校 ", "NAME", "*毕业时间", "备注"));
        assertTrue(mapping.valid(), mapping.violations().toString());
        assertEquals(0, mapping.index("school"));
        assertEquals(1, mapping.index("name"));
        assertEquals("2026-06-30", mapping.cell(List.of("重大", " 张三 ", "2026-06-30"), "graduation_date"));
        assertEquals("张三", mapping.cell(List.of("重大", " 张三 "), "name"));
        assertEquals("", mapping.cell(List.of("重大"), "graduation_date"));
        assertFalse(mapping.has("major"));
        assertEquals("", mapping.cell(List.of("重大", "张三", "2026-06-30"), "major"));
    }

    @Test
    void reportsMissingAndDuplicateColumnsOnTheHeaderRow() {
        Columns.Mapping mapping = ROSTER.map(List.of("学校", "毕业学校", "专业"));
        assertFalse(mapping.valid());
        List<Violation> violations = mapping.violations();
        assertEquals(List.of(
                Violation.inFile(1, "school", "列重复：毕业学校"),
                Violation.inFile(1, "name", "缺少列“姓名”"),
                Violation.inFile(1, "graduation_date", "缺少列“毕业日期”")), violations);
    }

    @Test
    void violationsNameTheColumnAndSayWhatTheCallerWants() {
        Columns columns = Columns.builder().required("title", "岗位名称", "岗位名称")
                .violationColumn(c -> "positions." + c.field())
                .missingMessage(c -> "见习岗位：缺少列“" + c.label() + "”").build();
        assertEquals(List.of(Violation.inFile(1, "positions.title", "见习岗位：缺少列“岗位名称”")),
                columns.map(List.of("其他")).violations());
    }

    @Test
    void parsesTheDateLayoutsOfficesTypeAndExcelSerials() {
        LocalDate jan5 = LocalDate.of(2026, 1, 5);
        assertEquals(jan5, TabularDates.parse("2026-01-05"));
        assertEquals(jan5, TabularDates.parse("2026-1-5"));
        assertEquals(jan5, TabularDates.parse("2026/1/5"));
        assertEquals(jan5, TabularDates.parse("2026.1.5"));
        assertEquals(jan5, TabularDates.parse(" 20260105 "));
        assertEquals(jan5, TabularDates.parse("1/5/26"));
        assertEquals(jan5, TabularDates.parse("46027"));
        assertEquals(jan5, TabularDates.parse("46027.0"));
        assertNull(TabularDates.parse(""));
        assertNull(TabularDates.parse(null));
        assertNull(TabularDates.parse("2026-13-01"));
        assertNull(TabularDates.parse("明天"));
        assertNull(TabularDates.parse("2026-06"));
        assertEquals(LocalDate.of(2026, 6, 30), TabularDates.parseOrMonthEnd("2026-06"));
        assertEquals(LocalDate.of(2026, 2, 28), TabularDates.parseOrMonthEnd("202602"));
        assertEquals(jan5, TabularDates.parseOrMonthEnd("2026/1/5"));
    }

    @Test
    void offloadRunsTheWorkOffTheCallingThread() {
        Thread caller = Thread.currentThread();
        Thread worker = TabularWorker.offload(Thread::currentThread).await().atMost(java.time.Duration.ofSeconds(10));
        assertFalse(caller == worker, "the work ran on the calling thread");
    }

    private static byte[] workbook() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("名单");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("毕业学校");
            header.createCell(1).setCellValue("姓名");
            header.createCell(2).setCellValue("毕业时间");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("重庆大学");
            row.createCell(1).setCellValue("张三");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            var cell = row.createCell(2);
            cell.setCellValue(LocalDate.of(2026, 1, 5));
            cell.setCellStyle(date);
            wb.write(out);
            return out.toByteArray();
        }
    }
}
