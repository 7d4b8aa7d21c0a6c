import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.security.SecureRandom;

public class Crypto {
    public Cipher des() throws Exception {
        // ruleid: java-weak-cipher
        return Cipher.getInstance("DES/CBC/PKCS5Padding");
    }

    public Cipher aesDefault() throws Exception {
        // ruleid: java-weak-cipher
        return Cipher.getInstance("AES");
    }

    public Cipher ecb() throws Exception {
        // ruleid: java-weak-cipher
        return Cipher.getInstance("AES/ECB/PKCS5Padding");
    }

    public Cipher tripleDes() throws Exception {
        // ruleid: java-weak-cipher
        return Cipher.getInstance("DESede/CBC/PKCS5Padding");
    }

    public Cipher gcm() throws Exception {
        // ok: java-weak-cipher
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    public Cipher chacha() throws Exception {
        // ok: java-weak-cipher
        return Cipher.getInstance("ChaCha20-Poly1305");
    }

    public Cipher rsaOaep() throws Exception {
        // ok: java-weak-cipher
        return Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    }
}
