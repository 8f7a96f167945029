package cq.jianxi.imports.service;

/** One problem of one row of an import, reported in the batch's row report. */
record RowProblem(int row, String field, String reason) {
}
