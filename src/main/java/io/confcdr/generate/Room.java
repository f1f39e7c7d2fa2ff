package io.confcdr.generate;

/**
 * A meeting room of a partner's Conference endpoint, reached by dialling {@code accessNumber}.
 *
 * @param accessDigits the access number without '+', as bridges log the called number
 */
record Room(String sid, String endpointSid, String accessDigits) {
}
