package dev.tandem.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorInfo;

/**
 * One line of a boot's journal file. Only {@code started} and the ends are written: a command
 * absent from the file never started, which is all a successor needs to know.
 *
 * @param s the state: started, completed or failed
 * @param t epoch milliseconds
 * @param k the command's kind
 * @param r the result (completed), omitted when larger than the journal's result cap
 * @param e the error (failed)
 */
record JournalLine(String id, String s, long t, String k, JsonNode r, ErrorInfo e) {}
