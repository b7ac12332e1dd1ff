package com.roseash.cart.sumup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SumUp's webhook body, and everything that only looks like one. */
class SumUpNotificationTest {

    @Test
    void readsTheCheckoutThatChanged() {
        SumUpNotification notification = SumUpNotification.parse(
                "{\"event_type\": \"CHECKOUT_STATUS_CHANGED\", \"id\": \"88fcf8de-304d-4820-8f1c-ec880290eb92\", \"extra\": 1}");

        assertThat(notification.checkoutId()).isEqualTo("88fcf8de-304d-4820-8f1c-ec880290eb92");
    }

    @Test
    void refusesWhatIsNotACheckoutStatusChange() {
        assertRefused("", "a SumUp notification is a JSON object, not an empty body");
        assertRefused("not json", "a SumUp notification is JSON, not \"not json\"");
        assertRefused("[]", "a SumUp notification is a JSON object, not \"[]\"");
        assertRefused("{\"id\": \"c-1\"}", "expected event_type CHECKOUT_STATUS_CHANGED, got nothing");
        assertRefused("{\"event_type\": \"checkout.status.updated\", \"id\": \"c-1\"}",
                "expected event_type CHECKOUT_STATUS_CHANGED, got \"checkout.status.updated\"");
        assertRefused("{\"event_type\": \"CHECKOUT_STATUS_CHANGED\"}",
                "a SumUp notification names its checkout as text in \"id\", got nothing");
        assertRefused("{\"event_type\": \"CHECKOUT_STATUS_CHANGED\", \"id\": 42}",
                "a SumUp notification names its checkout as text in \"id\", got 42");
        assertRefused("{\"event_type\": \"CHECKOUT_STATUS_CHANGED\", \"id\": \"../me/refund/t-1\"}",
                "a SumUp checkout id is 1 to 64 letters, digits, '-' or '_', not \"../me/refund/t-1\"");
    }

    @Test
    void anotherEventTypeIsToBeAcknowledgedAndIgnoredButGarbageIsRefused() {
        assertThat(SumUpNotification.read("{\"event_type\": \"PAYOUT_COMPLETED\", \"id\": \"p-1\"}")).isEmpty();
        assertThat(SumUpNotification.read("{\"event_type\": \"CHECKOUT_STATUS_CHANGED\", \"id\": \"c-1\"}"))
                .contains(new SumUpNotification("c-1"));
        assertThatThrownBy(() -> SumUpNotification.read("not json")).hasMessage("a SumUp notification is JSON, not \"not json\"");
        assertThatThrownBy(() -> SumUpNotification.read("{\"id\": \"c-1\"}"))
                .hasMessage("expected event_type CHECKOUT_STATUS_CHANGED, got nothing");
    }

    private static void assertRefused(String body, String message) {
        assertThatThrownBy(() -> SumUpNotification.parse(body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
