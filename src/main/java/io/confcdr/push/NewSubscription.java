package io.confcdr.push;

/**
 * A subscription to create. Null means the default: no filter, every attribute, 100 records per delivery,
 * starting with records stored from now on ({@code start}: "now", "beginning" or a call_sid to start after).
 */
public record NewSubscription(String url, String filter, String includeFields, String excludeFields, Integer maxBatch,
        String start) {
}
