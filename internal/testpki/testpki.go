// Package testpki makes the certificates and the time-stamping authority
// that the evidence and casework tests run against: a throw-away root CA, a TSA
// certificate it issues, a signer certificate for letters signed "outside
// Prava", and an RFC 3161 TSA served over local HTTP. Only tests import
// it; nothing here is trusted by the application.
package testpki

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/digitorus/timestamp"
)

// Cert is a certificate with its private key.
type Cert struct {
	Cert *x509.Certificate
	Key  crypto.Signer
}

// PEM returns the certificate in PEM form, for openssl.
func (c Cert) PEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Cert.Raw})
}

// KeyPEM returns the private key in PKCS #8 PEM form, for openssl.
func (c Cert) KeyPEM() []byte {
	der, err := x509.MarshalPKCS8PrivateKey(c.Key)
	if err != nil {
		panic(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
}

// Pool returns a pool holding only c, to pin as a root.
func (c Cert) Pool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(c.Cert)
	return p
}

var serial atomic.Int64

func issue(t testing.TB, tmpl *x509.Certificate, parent *Cert) Cert {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl.SerialNumber = big.NewInt(serial.Add(1) + 1000)
	tmpl.NotBefore = time.Now().Add(-time.Hour)
	tmpl.NotAfter = time.Now().Add(24 * time.Hour)
	signer, signerKey := tmpl, crypto.Signer(key)
	if parent != nil {
		signer, signerKey = parent.Cert, parent.Key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, signer, key.Public(), signerKey)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return Cert{Cert: cert, Key: key}
}

// Root makes a self-signed root CA named cn.
func Root(t testing.TB, cn string) Cert {
	return issue(t, &x509.Certificate{Subject: pkix.Name{CommonName: cn, Organization: []string{"Prava tests"}},
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature}, nil)
}

// TSA makes a time-stamping certificate issued by root, with the critical
// timeStamping key usage RFC 3161 §2.3 asks for.
func TSA(t testing.TB, root Cert, cn string) Cert {
	ekuOID := asn1.ObjectIdentifier{2, 5, 29, 37}
	val, err := asn1.Marshal([]asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 8}})
	if err != nil {
		t.Fatal(err)
	}
	return issue(t, &x509.Certificate{Subject: pkix.Name{CommonName: cn},
		KeyUsage:        x509.KeyUsageDigitalSignature,
		ExtraExtensions: []pkix.Extension{{Id: ekuOID, Critical: true, Value: val}}}, &root)
}

// Signer makes an end-entity certificate for signing documents, issued by
// root: the test's stand-in for a person's qualified certificate.
func Signer(t testing.TB, root Cert, cn string) Cert {
	return issue(t, &x509.Certificate{Subject: pkix.Name{CommonName: cn, Country: []string{"LV"}},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment}, &root)
}

// Server is a running RFC 3161 TSA.
type Server struct {
	URL      string
	Requests atomic.Int64
	// Mangle, when set, changes each answer's stamped hash or nonce, to
	// play a broken or hostile TSA.
	Mangle func(*timestamp.Timestamp)
	close  func()
}

// ServeTSA starts a TSA signing with tsa over local HTTP: it parses each
// request with digitorus/timestamp, stamps the time now, and answers a
// full TimeStampResp with the certificate inside.
func ServeTSA(t testing.TB, tsa Cert) *Server {
	s := &Server{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.Requests.Add(1)
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		if err != nil || r.Header.Get("Content-Type") != "application/timestamp-query" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		req, err := timestamp.ParseRequest(body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		ts := &timestamp.Timestamp{HashAlgorithm: req.HashAlgorithm, HashedMessage: req.HashedMessage,
			Time: time.Now().UTC().Truncate(time.Second), Nonce: req.Nonce, Policy: asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 99999, 1},
			Accuracy: time.Second, Ordering: false, AddTSACertificate: req.Certificates}
		if s.Mangle != nil {
			s.Mangle(ts)
		}
		resp, err := ts.CreateResponseWithOpts(tsa.Cert, tsa.Key, crypto.SHA256)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/timestamp-reply")
		_, _ = w.Write(resp)
	}))
	t.Cleanup(srv.Close)
	s.URL, s.close = srv.URL, srv.Close
	return s
}

// Close stops the TSA, to play one that cannot be reached.
func (s *Server) Close() { s.close() }
