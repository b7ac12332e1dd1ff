package com.roseash.market.importing;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a limit and no further: past it, the subscription is cancelled (the client then
 * closes the connection) and what was read is dropped. A body that is not wanted at all (a redirect's, an
 * error page's) is cancelled before a byte is read.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Result> {

    /** The body, or {@code overLimit} with no bytes. */
    record Result(byte[] bytes, boolean overLimit) {
    }

    private final int maxBytes;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    static CappedBody upTo(int maxBytes) {
        return new CappedBody(maxBytes);
    }

    static CappedBody unread() {
        return new CappedBody(-1);
    }

    @Override
    public CompletionStage<Result> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (maxBytes < 0) {
            subscription.cancel();
            result.complete(new Result(new byte[0], false));
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return; // signals may still arrive after a cancel
        }
        for (ByteBuffer buffer : buffers) {
            if (buffer.remaining() > maxBytes - received.size()) {
                subscription.cancel();
                result.complete(new Result(new byte[0], true));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            received.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new Result(received.toByteArray(), false));
    }
}
