import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import org.apache.commons.lang3.RandomStringUtils;

public class TokenService {
    private static final Random RNG = new Random();
    private static final SecureRandom SECURE_RANDOM = new SecureRandom();

    public String generateToken() {
        // ruleid: java-insecure-random-token
        return Long.toHexString(RNG.nextLong());
    }

    public String newResetCode() {
        // ruleid: java-insecure-random-token
        int resetCode = 100000 + new Random().nextInt(900000);
        return Integer.toString(resetCode);
    }

    public String createApiKey() {
        // ruleid: java-insecure-random-token
        return "key_" + RandomStringUtils.randomAlphanumeric(32);
    }

    public String generateTokenSafe() {
        byte[] bytes = new byte[32];
        // ok: java-insecure-random-token
        SECURE_RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public long backoffMillis(int attempt) {
        // ok: java-insecure-random-token
        return (1L << attempt) * 100 + RNG.nextInt(100);
    }

    public int otpCode() {
        // ok: java-insecure-random-token
        return SECURE_RANDOM.nextInt(1_000_000);
    }
}
