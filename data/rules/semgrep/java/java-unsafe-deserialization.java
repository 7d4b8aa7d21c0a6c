import java.beans.XMLDecoder;
import java.io.*;
import org.apache.commons.io.serialization.ValidatingObjectInputStream;

public class SessionStore {
    public Object load(byte[] data) throws Exception {
        // ruleid: java-unsafe-deserialization
        return new ObjectInputStream(new ByteArrayInputStream(data)).readObject();
    }

    public Object fromRequest(InputStream body) throws Exception {
        try (ObjectInputStream ois = new ObjectInputStream(body)) {
            // ruleid: java-unsafe-deserialization
            return ois.readObject();
        }
    }

    public Object fromXml(InputStream in) {
        XMLDecoder decoder = new XMLDecoder(in);
        // ruleid: java-unsafe-deserialization
        return decoder.readObject();
    }

    public Object loadFiltered(byte[] data) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(data));
        ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.example.dto.*;!*"));
        // ok: java-unsafe-deserialization
        return ois.readObject();
    }

    public Object loadValidated(InputStream in) throws Exception {
        try (ValidatingObjectInputStream vois = new ValidatingObjectInputStream(in)) {
            vois.accept(SessionData.class);
            // ok: java-unsafe-deserialization
            return vois.readObject();
        }
    }

    public SessionData loadJson(String json, com.fasterxml.jackson.databind.ObjectMapper mapper) throws Exception {
        // ok: java-unsafe-deserialization
        return mapper.readValue(json, SessionData.class);
    }
}
