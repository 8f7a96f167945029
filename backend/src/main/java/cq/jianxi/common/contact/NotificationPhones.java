package cq.jianxi.common.contact;

import io.smallrye.mutiny.Uni;

/**
 * The mobile phone a notification's text message goes to, told by the context that keeps it: the
 * young person's own phone, a base's contact phone. The notification context asks through this
 * interface, so it never reads another context's tables and the contexts it serves stay free to call it.
 */
public interface NotificationPhones {

    /** Which recipients this book knows: "YOUTH" or "BASE". */
    String recipient();

    /** The decrypted phone of the recipient, or null when there is none. */
    Uni<String> phoneOf(long id);
}
