package com.roseash.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void titlesBecomeLowercaseAsciiWordsJoinedByDashes() {
        assertThat(Slugs.slugify("Winter market opens on Saturday!")).isEqualTo("winter-market-opens-on-saturday");
        assertThat(Slugs.slugify("Crème brûlée & Café")).isEqualTo("creme-brulee-and-cafe");
        assertThat(Slugs.slugify("  --Äpfel   über Ölbäume--  ")).isEqualTo("apfel-uber-olbaume");
        assertThat(Slugs.slugify("???")).isEqualTo("untitled");
    }

    @Test
    void onlyWellFormedSlugsAreValid() {
        assertThat(Slugs.isValid("apple-day")).isTrue();
        assertThat(Slugs.isValid("2026-plans")).isTrue();
        assertThat(Slugs.isValid("Apple-Day")).isFalse();
        assertThat(Slugs.isValid("apple--day")).isFalse();
        assertThat(Slugs.isValid("../etc/passwd")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
    }
}
