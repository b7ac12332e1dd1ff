package com.roseash.market.editor;

/** A stall as the editor lists it. */
public record Stall(long id, StallDraft fields) {
}
