// A client of the standalone mock written as another team would write it: UCloud's official Go SDK, its
// typed UCDN requests, its form encoder (the default) or its JSON encoder. The contract test
// (test/contract/go-sdk.contract.test.ts) passes a job on stdin and reads one JSON result on stdout.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/ucloud/ucloud-sdk-go/services/ucdn"
	"github.com/ucloud/ucloud-sdk-go/ucloud"
	"github.com/ucloud/ucloud-sdk-go/ucloud/auth"
	uerr "github.com/ucloud/ucloud-sdk-go/ucloud/error"
	"github.com/ucloud/ucloud-sdk-go/ucloud/request"
)

type job struct {
	BaseURL    string         `json:"baseUrl"`
	PublicKey  string         `json:"publicKey"`
	PrivateKey string         `json:"privateKey"`
	Encoder    string         `json:"encoder"` // "form" (the SDK's default) or "json"
	MaxRetries int            `json:"maxRetries"`
	Action     string         `json:"action"`
	Params     map[string]any `json:"params"`
}

type result struct {
	Ok         bool   `json:"ok"`
	Response   any    `json:"response,omitempty"`
	ErrorName  string `json:"errorName,omitempty"`
	RetCode    int    `json:"retCode,omitempty"`
	StatusCode int    `json:"statusCode,omitempty"`
	Message    string `json:"message,omitempty"`
}

func main() {
	var j job
	if err := json.NewDecoder(os.Stdin).Decode(&j); err != nil {
		fail(fmt.Errorf("reading the job: %w", err))
	}
	cfg := ucloud.NewConfig()
	cfg.BaseUrl = j.BaseURL
	cfg.Region = "cn-bj2"
	cfg.Timeout = 10 * time.Second
	cfg.MaxRetries = j.MaxRetries
	cfg.LogLevel = 0 // panic level only: nothing on stderr but real failures
	cred := auth.NewCredential()
	cred.PublicKey = j.PublicKey
	cred.PrivateKey = j.PrivateKey
	client := ucdn.NewClient(&cfg, &cred)

	req, call, err := buildCall(client, j.Action, j.Params)
	if err != nil {
		fail(err)
	}
	if j.Encoder == "json" {
		req.SetEncoder(request.NewJSONEncoder(&cfg, &cred))
	}
	req.WithRetry(j.MaxRetries)
	response, err := call()
	out := result{Ok: err == nil}
	if err == nil {
		out.Response = response
	} else if e, ok := err.(uerr.Error); ok {
		out.ErrorName, out.RetCode, out.StatusCode, out.Message = e.Name(), e.Code(), e.StatusCode(), e.Message()
	} else {
		out.ErrorName, out.Message = "unknown", err.Error()
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(2)
}
