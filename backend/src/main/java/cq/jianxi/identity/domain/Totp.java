package cq.jianxi.identity.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226) with the parameters every
 * authenticator app supports: HMAC-SHA1, 6 digits, 30-second steps, one step of drift either way.
 */
public final class Totp {

    public static final String ALGORITHM = "HmacSHA1";
    public static final int DIGITS = 6;
    public static final int PERIOD_SECONDS = 30;
    /** A phone's clock may be a little off, and a code typed at the end of its step arrives in the next. */
    public static final int TOLERANCE_STEPS = 1;
    /** 160 bits, the key length RFC 4226 recommends for HMAC-SHA1. */
    public static final int SECRET_BYTES = 20;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** The RFC 6238 time step T of an instant (T0 = 0). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The app's code at a time step. */
    public static String code(byte[] key, long step) {
        return hotp(ALGORITHM, key, step, DIGITS);
    }

    /** RFC 4226 HOTP with dynamic truncation; RFC 6238 feeds it the time step as the counter. */
    public static String hotp(String hmacAlgorithm, byte[] key, long counter, int digits) {
        if (digits < 1 || digits >= POWERS.length) {
            throw new IllegalArgumentException("digits must be 1–8");
        }
        try {
            Mac mac = Mac.getInstance(hmacAlgorithm);
            mac.init(new SecretKeySpec(key, hmacAlgorithm));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            String code = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - code.length()) + code;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmacAlgorithm + " unavailable", e);
        }
    }

    /**
     * Checks a code typed at {@code at}. A code is accepted once only (RFC 6238 §5.2): a step at or before
     * {@code lastUsedStep} is a replay, which also refuses an older code seen after a newer one was used.
     */
    public static Verification verify(byte[] key, String code, Instant at, Long lastUsedStep) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
            return Verification.WRONG;
        }
        long now = step(at);
        boolean replayed = false;
        for (long s = now - TOLERANCE_STEPS; s <= now + TOLERANCE_STEPS; s++) {
            // Constant-time comparison: the time taken must not tell how many digits were right.
            if (MessageDigest.isEqual(code(key, s).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                if (lastUsedStep == null || s > lastUsedStep) {
                    return new Verification(Result.ACCEPTED, s);
                }
                replayed = true;
            }
        }
        return replayed ? Verification.REPLAYED : Verification.WRONG;
    }

    /** The otpauth:// URI (Key Uri Format) that authenticator apps read from the QR code. */
    public static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What a check found. */
    public enum Result { ACCEPTED, REPLAYED, WRONG }

    /** The result and, when accepted, the step the code belongs to (to be remembered as used). */
    public record Verification(Result result, long step) {
        static final Verification WRONG = new Verification(Result.WRONG, -1);
        static final Verification REPLAYED = new Verification(Result.REPLAYED, -1);

        public boolean accepted() {
            return result == Result.ACCEPTED;
        }
    }
}
