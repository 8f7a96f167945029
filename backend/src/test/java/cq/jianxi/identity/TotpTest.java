package cq.jianxi.identity;

import cq.jianxi.identity.domain.Base32;
import cq.jianxi.identity.domain.RecoveryCodes;
import cq.jianxi.identity.domain.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TOTP against the RFC 6238 and RFC 4226 test vectors, the drift window and the once-only rule. */
class TotpTest {

    /** RFC 6238 appendix B seeds: the ASCII digits repeated to the key length of each hash. */
    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 = ("12345678901234567890123456789012345678901234567890123456789012"
            + "34").getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s")
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void matchesTheRfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertEquals(sha1, Totp.hotp("HmacSHA1", SEED_SHA1, step, 8));
        assertEquals(sha256, Totp.hotp("HmacSHA256", SEED_SHA256, step, 8));
        assertEquals(sha512, Totp.hotp("HmacSHA512", SEED_SHA512, step, 8));
    }

    @Test
    void matchesTheRfc4226HotpValuesWithSixDigits() {
        List<String> expected = List.of("755224", "287082", "359152", "969429", "338314",
                "254676", "287922", "162583", "399871", "520489");
        for (int counter = 0; counter < expected.size(); counter++) {
            assertEquals(expected.get(counter), Totp.code(SEED_SHA1, counter), "counter " + counter);
        }
    }

    @Test
    void acceptsTheNeighbouringStepsButNotTwoAway() {
        Instant at = Instant.ofEpochSecond(1_111_111_111);
        long now = Totp.step(at);
        for (long s = now - 1; s <= now + 1; s++) {
            Totp.Verification v = Totp.verify(SEED_SHA1, Totp.code(SEED_SHA1, s), at, null);
            assertTrue(v.accepted(), "step offset " + (s - now));
            assertEquals(s, v.step());
        }
        assertEquals(Totp.Result.WRONG, Totp.verify(SEED_SHA1, Totp.code(SEED_SHA1, now - 2), at, null).result());
        assertEquals(Totp.Result.WRONG, Totp.verify(SEED_SHA1, Totp.code(SEED_SHA1, now + 2), at, null).result());
    }

    @Test
    void refusesACodeAgainAndAnOlderCodeAfterANewerOne() {
        Instant at = Instant.ofEpochSecond(1_234_567_890);
        long now = Totp.step(at);
        String current = Totp.code(SEED_SHA1, now);
        assertEquals(Totp.Result.REPLAYED, Totp.verify(SEED_SHA1, current, at, now).result());
        assertEquals(Totp.Result.REPLAYED, Totp.verify(SEED_SHA1, Totp.code(SEED_SHA1, now - 1), at, now).result());
        assertTrue(Totp.verify(SEED_SHA1, Totp.code(SEED_SHA1, now + 1), at, now).accepted());
    }

    @Test
    void refusesMalformedCodes() {
        Instant at = Instant.ofEpochSecond(59);
        assertFalse(Totp.verify(SEED_SHA1, null, at, null).accepted());
        assertFalse(Totp.verify(SEED_SHA1, "28708", at, null).accepted());
        assertFalse(Totp.verify(SEED_SHA1, "2870820", at, null).accepted());
        assertFalse(Totp.verify(SEED_SHA1, "28708a", at, null).accepted());
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("MZXW6YQ", Base32.encode("foob".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Base32.decode("mzxw 6ytb oi======"));
        byte[] secret = Totp.newSecret(new SecureRandom());
        assertEquals(20, secret.length);
        assertArrayEquals(secret, Base32.decode(Base32.encode(secret)));
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW1"));
    }

    @Test
    void theEnrolmentUriCarriesSecretIssuerAndParameters() {
        String uri = Totp.uri("见习通", "admin", "MZXW6YTBOI");
        assertEquals("otpauth://totp/%E8%A7%81%E4%B9%A0%E9%80%9A:admin?secret=MZXW6YTBOI&issuer=%E8%A7%81%E4%B9%A0%E9%80%9A"
                + "&algorithm=SHA1&digits=6&period=30", uri);
    }

    @Test
    void recoveryCodesAreTenDistinctCodesThatNormalizeFromWhatPeopleType() {
        List<String> codes = RecoveryCodes.generate(new SecureRandom());
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}"), code);
        }
        String first = codes.get(0);
        assertEquals(first.replace("-", ""), RecoveryCodes.normalize(" " + first.toLowerCase().replace("-", " - ") + " "));
        assertNull(RecoveryCodes.normalize("ABCDE-FGHI1"));
        assertNull(RecoveryCodes.normalize("ABCD"));
    }
}
