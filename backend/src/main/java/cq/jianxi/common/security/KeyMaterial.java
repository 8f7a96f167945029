package cq.jianxi.common.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RS256 key pair that signs the built-in login's tokens: the deployment's own private key file, or
 * (demo, tests) a pair generated once into the data directory.
 */
public final class KeyMaterial {

    public static final String PRIVATE_KEY_FILE = "token-signing-private.pem";
    public static final String PUBLIC_KEY_FILE = "token-signing-public.pem";

    private final PublicKey publicKey;
    private final Path privateKeyFile;

    private KeyMaterial(PublicKey publicKey, Path privateKeyFile) {
        this.publicKey = publicKey;
        this.privateKeyFile = privateKeyFile;
    }

    /** Loads the pair from {@code dir}, creating it on first start; the private key file is readable by the owner only. */
    public static KeyMaterial loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
            Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writePem(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
                writePem(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
            }
            byte[] der = readPem(publicFile);
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return new KeyMaterial(key, privateFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not prepare the token signing keys", e);
        }
    }

    /**
     * The pair of a configured private key file, PKCS#8 PEM as {@code openssl genpkey -algorithm RSA} writes it;
     * the public half is derived from it, so one file is all a deployment provides.
     */
    public static KeyMaterial fromPrivateKeyFile(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalStateException("Token signing key file " + file + " is not a readable file");
        }
        try {
            if (!Files.readString(file).contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalStateException("Token signing key file " + file + " is not a PKCS#8 PEM private key"
                        + " (create one with: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048)");
            }
            if (!(readPrivateKey(file) instanceof RSAPrivateCrtKey rsa) || rsa.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("Token signing key file " + file + " must hold an RSA key of at least 2048 bits");
            }
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            return new KeyMaterial(key, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive the public key from " + file, e);
        }
    }

    /** The public key as quarkus-oidc's {@code public-key} setting expects it: base64 of the X.509 encoding. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    /** A random 32-byte secret kept in {@code file} (created on first use), base64-encoded. */
    public static String loadOrCreateSecret(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new java.security.SecureRandom().nextBytes(secret);
                Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // Non-POSIX file systems keep their default permissions.
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PrivateKey readPrivateKey(Path file) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(readPem(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable token signing key " + file, e);
        }
    }

    private static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static void writePem(Path file, String type, byte[] der, boolean secret) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.writeString(file, pem);
        if (secret) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Non-POSIX file systems keep their default permissions.
            }
        }
    }
}
