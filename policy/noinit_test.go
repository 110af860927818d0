package policy

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// TestNoWorkAtStart keeps the package's initialisers empty (issue #25):
// no init function, no package-level map (Go builds a map literal at
// start, entry by entry) and no package-level variable that calls a
// function, except the lazy constructors sync.OnceValue and lazyRegexp,
// whose work waits for the first policy. A command that reads no policy
// then pays nothing for the lexicons, the word tables, the keyword index,
// the patterns and the authorities' directory. Slices of literals cost
// nothing: the linker lays them out.
func TestNoWorkAtStart(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Name.Name == "init" && d.Recv == nil {
					t.Errorf("%s: func init runs at start; build the value on first use (sync.OnceValue)", fset.Position(d.Pos()))
				}
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				for _, spec := range d.Specs {
					for _, v := range spec.(*ast.ValueSpec).Values {
						ast.Inspect(v, func(n ast.Node) bool {
							if _, ok := n.(*ast.FuncLit); ok {
								return false // a function literal runs later, when called
							}
							if lit, ok := n.(*ast.CompositeLit); ok {
								if _, isMap := lit.Type.(*ast.MapType); isMap {
									t.Errorf("%s: a package map is built at start; wrap it in sync.OnceValue", fset.Position(lit.Pos()))
									return false
								}
							}
							call, ok := n.(*ast.CallExpr)
							if ok && !lazyCall(call) {
								t.Errorf("%s: a package variable calls a function at start; wrap it in sync.OnceValue", fset.Position(call.Pos()))
							}
							return !ok
						})
					}
				}
			}
		}
	}
}

// lazyCall reports whether call only wraps work for later or costs next
// to nothing: a sentinel error, which must be a variable for errors.Is.
func lazyCall(call *ast.CallExpr) bool {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		return fn.Name == "lazyRegexp"
	case *ast.SelectorExpr:
		pkg, ok := fn.X.(*ast.Ident)
		return ok && cheapAtStart[pkg.Name+"."+fn.Sel.Name]
	}
	return false
}

var cheapAtStart = map[string]bool{"sync.OnceValue": true, "sync.OnceValues": true, "errors.New": true}
