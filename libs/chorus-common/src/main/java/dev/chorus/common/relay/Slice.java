package dev.chorus.common.relay;

import java.util.List;

/** The rows of one page of a nested list, and the total over all pages when it was asked for. */
public record Slice<T>(List<T> rows, Integer totalCount) {
}
