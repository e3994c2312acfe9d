package jp.tetsuzuki.processes.childcare.allocation.csv;

/**
 * One problem of an imported file: the file, the line (1 = header), the column as written in the header (null when
 * about the whole line or file), a code (UPPER_SNAKE), and the message in English and Japanese.
 */
public record CsvProblem(CsvPart part, int line, String column, String code, String message, String messageJa) {}
