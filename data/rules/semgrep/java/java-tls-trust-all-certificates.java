import java.security.cert.X509Certificate;
import javax.net.ssl.*;

public class InsecureTls {
    static class TrustAll implements X509TrustManager {
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}
        // ruleid: java-tls-trust-all-certificates
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }

    public SSLContext trustAllContext() throws Exception {
        TrustManager[] managers = new TrustManager[]{
            new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}
                // ruleid: java-tls-trust-all-certificates
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }
                public X509Certificate[] getAcceptedIssuers() { return null; }
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, managers, null);
        return ctx;
    }

    static class TrustAllExtended extends X509ExtendedTrustManager {
        public void checkClientTrusted(X509Certificate[] c, String a) {}
        // ruleid: java-tls-trust-all-certificates
        public void checkServerTrusted(X509Certificate[] c, String a) {}
        public void checkClientTrusted(X509Certificate[] c, String a, java.net.Socket s) {}
        // ruleid: java-tls-trust-all-certificates
        public void checkServerTrusted(X509Certificate[] c, String a, java.net.Socket s) {}
        public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {}
        // ruleid: java-tls-trust-all-certificates
        public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {}
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }

    static class Pinning implements X509TrustManager {
        private final X509TrustManager delegate;
        Pinning(X509TrustManager delegate) { this.delegate = delegate; }
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }
        // ok: java-tls-trust-all-certificates
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }
        public X509Certificate[] getAcceptedIssuers() { return delegate.getAcceptedIssuers(); }
    }

    public SSLContext defaultContext() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((java.security.KeyStore) null);
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        // ok: java-tls-trust-all-certificates
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    static class Logging {
        // ok: java-tls-trust-all-certificates
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}
    }
}
