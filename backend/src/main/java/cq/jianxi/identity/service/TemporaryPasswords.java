package cq.jianxi.identity.service;

import java.security.SecureRandom;

/** Random temporary passwords that satisfy the policy (an administrator hands them over once). */
final class TemporaryPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();
    // No look-alike characters (0/O, 1/l/I), so a password read out over the phone survives.
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGIT = "23456789";
    private static final String SYMBOL = "@#%+=?";

    private TemporaryPasswords() {
    }

    static String generate() {
        String all = LOWER + UPPER + DIGIT + SYMBOL;
        char[] out = new char[12];
        out[0] = pick(LOWER);
        out[1] = pick(UPPER);
        out[2] = pick(DIGIT);
        out[3] = pick(SYMBOL);
        for (int i = 4; i < out.length; i++) {
            out[i] = pick(all);
        }
        for (int i = out.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return new String(out);
    }

    private static char pick(String from) {
        return from.charAt(RANDOM.nextInt(from.length()));
    }
}
