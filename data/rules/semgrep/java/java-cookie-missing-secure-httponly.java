import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

public class LoginController {
    public void login(HttpServletResponse response, String sessionToken) {
        Cookie cookie = new Cookie("SESSION", sessionToken);
        cookie.setPath("/");
        // ruleid: java-cookie-missing-secure-httponly
        response.addCookie(cookie);
    }

    public void remember(HttpServletResponse response, String token) {
        Cookie c = new Cookie("remember", token);
        c.setHttpOnly(true);
        // ruleid: java-cookie-missing-secure-httponly
        response.addCookie(c);
    }

    public void insecure(HttpServletResponse response, String token) {
        Cookie c = new Cookie("auth", token);
        c.setSecure(false);
        c.setHttpOnly(false);
        // ruleid: java-cookie-missing-secure-httponly
        response.addCookie(c);
    }

    public void loginSafe(HttpServletResponse response, String sessionToken) {
        Cookie cookie = new Cookie("__Host-SESSION", sessionToken);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        // ok: java-cookie-missing-secure-httponly
        response.addCookie(cookie);
    }

    public void rememberSafe(HttpServletResponse response, String token) {
        Cookie c = new Cookie("remember", token);
        c.setHttpOnly(true);
        c.setMaxAge(3600);
        c.setSecure(true);
        // ok: java-cookie-missing-secure-httponly
        response.addCookie(c);
    }

    public void springCookie(HttpServletResponse response, String token) {
        org.springframework.http.ResponseCookie rc = org.springframework.http.ResponseCookie.from("SESSION", token)
            .secure(true).httpOnly(true).sameSite("Lax").build();
        // ok: java-cookie-missing-secure-httponly
        response.addHeader("Set-Cookie", rc.toString());
    }
}
