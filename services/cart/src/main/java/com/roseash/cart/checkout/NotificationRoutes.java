package com.roseash.cart.checkout;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

import com.roseash.cart.sumup.Checkout;
import com.roseash.cart.sumup.SumUpClient;
import com.roseash.cart.sumup.SumUpNotification;
import com.roseash.cart.sumup.SumUpRefused;
import com.roseash.cart.sumup.SumUpUnavailable;
import com.roseash.platform.csrf.CsrfExempt;
import com.roseash.platform.errors.ErrorResponses;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * SumUp's status notifications ({@value Payments#NOTIFICATIONS_PATH}, the checkouts' {@code return_url}). They are
 * not signed, so one is only a hint: the checkout it names is read from SumUp's API and that is applied
 * ({@link PaymentSettlement}). The answer is 2xx whenever SumUp should not send it again (done, not ours, another
 * event type), and 503 when SumUp could not be asked, so that it does.
 */
public final class NotificationRoutes implements HttpService, CsrfExempt {

    private static final System.Logger LOG = System.getLogger(NotificationRoutes.class.getName());

    private final SumUpClient sumup;
    private final PaymentSettlement settlement;

    public NotificationRoutes(SumUpClient sumup, PaymentSettlement settlement) {
        this.sumup = sumup;
        this.settlement = settlement;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(Payments.NOTIFICATIONS_PATH, this::receive);
    }

    @Override
    public List<String> csrfExemptPaths() {
        return List.of(Payments.NOTIFICATIONS_PATH);
    }

    private void receive(ServerRequest request, ServerResponse response) {
        Optional<SumUpNotification> notification;
        try {
            notification = SumUpNotification.read(request.content().hasEntity() ? request.content().as(String.class) : "");
        } catch (IllegalArgumentException e) {
            throw ErrorResponses.badRequest(e.getMessage());
        }
        if (notification.isEmpty()) {
            // An event type SumUp added later: acknowledged, so it is not sent again, and otherwise ignored.
            response.status(Status.NO_CONTENT_204).send();
            return;
        }
        String checkoutId = notification.get().checkoutId();
        Checkout checkout;
        try {
            checkout = sumup.get(checkoutId);
        } catch (SumUpRefused e) {
            LOG.log(Level.WARNING, "A notification named checkout " + checkoutId + ", which SumUp does not know: "
                    + e.getMessage());
            response.status(Status.NO_CONTENT_204).send();
            return;
        } catch (SumUpUnavailable e) {
            LOG.log(Level.WARNING, "SumUp could not be asked about checkout " + checkoutId + "; SumUp will notify again: "
                    + e.getMessage());
            response.status(Status.SERVICE_UNAVAILABLE_503).header(HeaderNames.RETRY_AFTER, "60")
                    .send("SumUp could not be asked about this checkout; send it again later");
            return;
        }
        PaymentSettlement.Outcome outcome = settlement.apply(checkout);
        LOG.log(Level.DEBUG, "Notification for checkout " + checkoutId + ": " + outcome);
        response.status(Status.NO_CONTENT_204).send();
    }
}
