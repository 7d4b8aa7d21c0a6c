import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Value;

public class TokenIssuer {
    private static final String SECRET = "my-super-secret-signing-key-which-is-long-enough";

    @Value("${jwt.secret}")
    private String configuredSecret;

    public String auth0Token(String user) {
        // ruleid: java-jwt-hardcoded-secret
        return JWT.create().withSubject(user).sign(Algorithm.HMAC256("changeme"));
    }

    public String jjwtToken(String user) {
        // ruleid: java-jwt-hardcoded-secret
        SecretKey key = Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8));
        return Jwts.builder().subject(user).signWith(key).compact();
    }

    public String legacyToken(String user) {
        // ruleid: java-jwt-hardcoded-secret
        return Jwts.builder().setSubject(user).signWith(SignatureAlgorithm.HS256, "secret").compact();
    }

    public String auth0TokenSafe(String user) {
        // ok: java-jwt-hardcoded-secret
        return JWT.create().withSubject(user).sign(Algorithm.HMAC256(configuredSecret));
    }

    public String jjwtTokenSafe(String user) {
        // ok: java-jwt-hardcoded-secret
        SecretKey key = Keys.hmacShaKeyFor(System.getenv("JWT_SECRET").getBytes(StandardCharsets.UTF_8));
        return Jwts.builder().subject(user).signWith(key).compact();
    }

    public String rsaToken(String user, java.security.interfaces.RSAPrivateKey privateKey) {
        // ok: java-jwt-hardcoded-secret
        return JWT.create().withSubject(user).sign(Algorithm.RSA256(null, privateKey));
    }
}
