import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;

public class OrderRepository {
    private static final String ENTITY = "Order";
    private final EntityManager em;

    public OrderRepository(EntityManager em) {
        this.em = em;
    }

    public List<Order> byCustomer(String customer) {
        // ruleid: java-sqli-jpa-query-concat
        return em.createQuery("SELECT o FROM Order o WHERE o.customer = '" + customer + "'", Order.class).getResultList();
    }

    public List<?> byStatus(String status) {
        String q = String.format("SELECT * FROM orders WHERE status = '%s'", status);
        // ruleid: java-sqli-jpa-query-concat
        return em.createNativeQuery(q).getResultList();
    }

    public List<?> sorted(org.hibernate.Session session, String column) {
        // ruleid: java-sqli-jpa-query-concat
        return session.createQuery("FROM Order ORDER BY " + column).list();
    }

    public List<Order> byCustomerSafe(String customer) {
        // ok: java-sqli-jpa-query-concat
        TypedQuery<Order> q = em.createQuery("SELECT o FROM Order o WHERE o.customer = :customer", Order.class);
        return q.setParameter("customer", customer).getResultList();
    }

    public List<?> byStatusSafe(String status) {
        // ok: java-sqli-jpa-query-concat
        return em.createNativeQuery("SELECT * FROM orders WHERE status = ?1").setParameter(1, status).getResultList();
    }

    public List<?> all() {
        // ok: java-sqli-jpa-query-concat
        return em.createQuery("SELECT o FROM " + ENTITY + " o").getResultList();
    }
}
