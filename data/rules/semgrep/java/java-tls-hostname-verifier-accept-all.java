import javax.net.ssl.*;
import okhttp3.OkHttpClient;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder;

public class Hosts {
    public void disableGlobally() {
        // ruleid: java-tls-hostname-verifier-accept-all
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);
    }

    public HostnameVerifier anonymous() {
        return new HostnameVerifier() {
            // ruleid: java-tls-hostname-verifier-accept-all
            public boolean verify(String hostname, SSLSession session) { return true; }
        };
    }

    public OkHttpClient client() {
        // ruleid: java-tls-hostname-verifier-accept-all
        return new OkHttpClient.Builder().hostnameVerifier((h, s) -> true).build();
    }

    public Object apache() {
        return SSLConnectionSocketFactoryBuilder.create()
            // ruleid: java-tls-hostname-verifier-accept-all
            .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
            .build();
    }

    public Object apacheSafe() {
        return SSLConnectionSocketFactoryBuilder.create()
            // ok: java-tls-hostname-verifier-accept-all
            .setHostnameVerifier(new DefaultHostnameVerifier())
            .build();
    }

    public HostnameVerifier pinned() {
        return new HostnameVerifier() {
            // ok: java-tls-hostname-verifier-accept-all
            public boolean verify(String hostname, SSLSession session) { return "api.example.com".equals(hostname); }
        };
    }

    public OkHttpClient defaultClient() {
        // ok: java-tls-hostname-verifier-accept-all
        return new OkHttpClient.Builder().build();
    }
}
