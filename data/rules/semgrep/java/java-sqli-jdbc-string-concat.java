import java.sql.*;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

public class UserDao {
    private static final String TABLE = "users";
    private final Connection conn;
    private final JdbcTemplate jdbcTemplate;

    public UserDao(Connection conn, JdbcTemplate jdbcTemplate) {
        this.conn = conn;
        this.jdbcTemplate = jdbcTemplate;
    }

    public ResultSet findByName(String name) throws SQLException {
        Statement stmt = conn.createStatement();
        // ruleid: java-sqli-jdbc-string-concat
        return stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }

    public void delete(String id) throws SQLException {
        String sql = "DELETE FROM users WHERE id = " + id;
        // ruleid: java-sqli-jdbc-string-concat
        conn.createStatement().executeUpdate(sql);
    }

    public List<String> search(String term) {
        // ruleid: java-sqli-jdbc-string-concat
        return jdbcTemplate.queryForList(String.format("SELECT email FROM users WHERE email LIKE '%%%s%%'", term), String.class);
    }

    public PreparedStatement sorted(String column) throws SQLException {
        // ruleid: java-sqli-jdbc-string-concat
        return conn.prepareStatement("SELECT * FROM users ORDER BY " + column);
    }

    public ResultSet findByNameSafe(String name) throws SQLException {
        // ok: java-sqli-jdbc-string-concat
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, name);
        return ps.executeQuery();
    }

    public List<String> searchSafe(String term) {
        // ok: java-sqli-jdbc-string-concat
        return jdbcTemplate.queryForList("SELECT email FROM users WHERE email LIKE ?", String.class, "%" + term + "%");
    }

    public ResultSet countAll() throws SQLException {
        // ok: java-sqli-jdbc-string-concat
        return conn.createStatement().executeQuery("SELECT count(*) FROM " + TABLE);
    }
}
