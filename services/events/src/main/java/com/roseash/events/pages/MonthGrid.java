package com.roseash.events.pages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.roseash.events.schedule.Occurrence;

/**
 * A month (or a week) as rows of seven days, Monday first, each day with the occurrences that touch it in the
 * calendar's zone: a multi-day event shows on each of its days.
 */
public final class MonthGrid {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    /** One day's cell. */
    public record Day(LocalDate date, int number, String label, boolean inMonth, boolean today, List<OccurrenceView> events) {

        public boolean hasEvents() {
            return !events.isEmpty();
        }
    }

    /** One row. */
    public record Week(List<Day> days) {
    }

    private MonthGrid() {
    }

    public static String title(YearMonth month) {
        return MONTH.format(month);
    }

    public static LocalDate firstShown(YearMonth month) {
        return month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public static LocalDate endShown(YearMonth month) {
        return month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).plusDays(1);
    }

    /** The weeks from {@code first} (a Monday) up to {@code end} (exclusive), with {@code occurrences} placed. */
    public static List<Week> weeks(LocalDate first, LocalDate end, YearMonth month, LocalDate today, ZoneId zone,
                                   List<Occurrence> occurrences, String eventsBase) {
        List<Week> weeks = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        for (LocalDate date = first; date.isBefore(end); date = date.plusDays(1)) {
            List<OccurrenceView> on = new ArrayList<>();
            for (Occurrence occurrence : occurrences) {
                LocalDate from = occurrence.start().withZoneSameInstant(zone).toLocalDate();
                LocalDate to = occurrence.event().allDay() ? occurrence.lastDay()
                        : occurrence.end().withZoneSameInstant(zone).minusNanos(1).toLocalDate();
                if (occurrence.event().allDay()) {
                    from = occurrence.firstDay();
                }
                if (!date.isBefore(from) && !date.isAfter(to.isBefore(from) ? from : to)) {
                    on.add(OccurrenceView.of(occurrence, eventsBase));
                }
            }
            days.add(new Day(date, date.getDayOfMonth(), DAY.format(date), YearMonth.from(date).equals(month),
                    date.equals(today), on));
            if (days.size() == 7) {
                weeks.add(new Week(List.copyOf(days)));
                days.clear();
            }
        }
        return weeks;
    }
}
