package handlers

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"
)

func FindUser(ctx context.Context, db *sql.DB, name string) (*sql.Rows, error) {
	// ruleid: go-sqli-string-format
	rows, err := db.Query(fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name))
	if err != nil {
		return nil, err
	}
	query := "SELECT * FROM users WHERE name = '" + name + "'"
	// ruleid: go-sqli-string-format
	row := db.QueryRowContext(ctx, query)
	_ = row
	// ruleid: go-sqli-string-format
	_, err = db.ExecContext(ctx, "DELETE FROM sessions WHERE user = "+name)
	return rows, err
}

func Search(db *gorm.DB, x *sqlx.DB, term string, order string) {
	var users []User
	// ruleid: go-sqli-string-format
	db.Where(fmt.Sprintf("name LIKE '%%%s%%'", term)).Find(&users)
	// ruleid: go-sqli-string-format
	db.Raw("SELECT * FROM users ORDER BY " + order).Scan(&users)
	// ruleid: go-sqli-string-format
	x.Select(&users, fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", term))
}

func Safe(ctx context.Context, db *sql.DB, g *gorm.DB, name string) {
	// ok: go-sqli-string-format
	rows, _ := db.QueryContext(ctx, "SELECT * FROM users WHERE name = $1", name)
	_ = rows
	// ok: go-sqli-string-format
	db.Exec("UPDATE users SET active = true WHERE name = ?", name)
	var users []User
	// ok: go-sqli-string-format
	g.Where("name = ?", name).Find(&users)
	// ok: go-sqli-string-format
	db.Query("SELECT id " + "FROM users")
}

type User struct{ Name string }
