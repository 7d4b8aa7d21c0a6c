import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

public class PasswordService {
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);

    public byte[] hash(String password) throws NoSuchAlgorithmException {
        // ruleid: java-weak-password-hash
        return MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] saltedSha(String salt, char[] pwd) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(salt.getBytes(StandardCharsets.UTF_8));
        // ruleid: java-weak-password-hash
        md.update(new String(pwd).getBytes(StandardCharsets.UTF_8));
        return md.digest();
    }

    public String legacy(User user) {
        // ruleid: java-weak-password-hash
        return DigestUtils.sha1Hex(user.getPassword());
    }

    public String hashSafe(String password) {
        // ok: java-weak-password-hash
        return encoder.encode(password);
    }

    public byte[] checksum(byte[] fileContent) throws NoSuchAlgorithmException {
        // ok: java-weak-password-hash
        return MessageDigest.getInstance("SHA-256").digest(fileContent);
    }

    public String tokenHash(String resetToken) {
        // ok: java-weak-password-hash
        return DigestUtils.sha256Hex(resetToken);
    }
}
