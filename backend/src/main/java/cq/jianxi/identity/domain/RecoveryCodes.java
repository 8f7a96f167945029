package cq.jianxi.identity.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-time recovery codes for when the phone is lost: ten codes of ten characters (50 bits each) from
 * an alphabet without look-alikes (no 0/O, 1/I), written in two groups of five.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int LENGTH = 10;

    private RecoveryCodes() {
    }

    public static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        while (codes.size() < COUNT) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int i = 0; i < LENGTH; i++) {
                if (i == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!codes.contains(code.toString())) {
                codes.add(code.toString());
            }
        }
        return codes;
    }

    /**
     * The canonical form of a typed code (case, spaces and dashes ignored), or null when it cannot be one
     * of ours: it is hashed and compared only in this form.
     */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String clean = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (clean.length() != LENGTH || !clean.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return null;
        }
        return clean;
    }
}
