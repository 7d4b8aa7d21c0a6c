package tools

import (
	"context"
	"fmt"
	"os/exec"
)

func Convert(ctx context.Context, src, dst string) error {
	// ruleid: go-command-injection-shell
	if err := exec.Command("sh", "-c", "convert "+src+" "+dst).Run(); err != nil {
		return err
	}
	cmd := fmt.Sprintf("tar czf %s %s", dst, src)
	// ruleid: go-command-injection-shell
	exec.CommandContext(ctx, "/bin/bash", "-c", cmd).Run()
	// ruleid: go-command-injection-shell
	return exec.Command("cmd", "/C", "dir "+src).Run()
}

func Safe(ctx context.Context, src, dst string) error {
	// ok: go-command-injection-shell
	exec.Command("convert", src, dst).Run()
	// ok: go-command-injection-shell
	exec.Command("sh", "-c", "ls -la /tmp").Run()
	// ok: go-command-injection-shell
	return exec.CommandContext(ctx, "tar", "czf", dst, "--", src).Run()
}
